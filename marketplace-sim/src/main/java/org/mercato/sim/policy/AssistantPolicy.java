package org.mercato.sim.policy;

import java.util.List;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.Observation;

/**
 * How an assistant shops: observations in, actions out. One instance serves one customer, is
 * called by one thread at a time, and may keep state. It must not share mutable state with other
 * agents, read the wall clock or use randomness other than {@link AgentContext#random()}.
 */
@FunctionalInterface
public interface AssistantPolicy {
    List<AssistantAction> onObservation(Observation observation, AgentContext context);
}

package org.mercato.sim.policy;

import java.util.List;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.protocol.ServiceAction;

/** How a service sells: observations in, actions out. Same rules as {@link AssistantPolicy}. */
@FunctionalInterface
public interface ServicePolicy {
    List<ServiceAction> onObservation(Observation observation, AgentContext context);
}

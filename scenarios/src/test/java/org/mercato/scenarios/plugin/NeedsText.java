package org.mercato.scenarios.plugin;

import java.util.List;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.Observation;

/** A policy without a usable constructor. */
public final class NeedsText implements AssistantPolicy {
    public NeedsText(String text) {}

    @Override
    public List<AssistantAction> onObservation(Observation observation, AgentContext context) {
        return List.of();
    }
}

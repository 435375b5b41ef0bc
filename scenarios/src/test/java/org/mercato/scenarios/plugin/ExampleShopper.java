package org.mercato.scenarios.plugin;

import java.util.List;
import org.mercato.agents.assistant.RationalAssistant;
import org.mercato.agents.base.PolicyParams;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.Observation;

/** A researcher's own shopper: asks only the top service, with a configurable patience. */
public final class ExampleShopper implements AssistantPolicy {
    private final AssistantPolicy delegate;

    public ExampleShopper(PolicyParams params) {
        params.allowOnly("patience");
        delegate = new RationalAssistant(1, params.micros("patience", 5_000_000));
    }

    @Override
    public List<AssistantAction> onObservation(Observation observation, AgentContext context) {
        return delegate.onObservation(observation, context);
    }
}

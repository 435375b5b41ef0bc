package org.mercato.scenarios.plugin;

import java.util.List;
import org.mercato.agents.service.PostedPriceService;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.ServicePolicy;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.protocol.ServiceAction;

/** A researcher's own seller with a no-argument constructor (so it takes no parameters). */
public final class ExampleSeller implements ServicePolicy {
    private final ServicePolicy delegate = new PostedPriceService(600_000_000);

    @Override
    public List<ServiceAction> onObservation(Observation observation, AgentContext context) {
        return delegate.onObservation(observation, context);
    }
}

package org.mercato.agents;

import java.util.List;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.policy.ServicePolicy;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.protocol.ServiceAction;

/**
 * Adds a fixed amount of CPU work to every observation a policy handles, standing in for what a
 * real agent spends on a text query or a utility computation. The work is counted in iterations,
 * not wall time, so it never changes outcomes; it only changes how long a run takes.
 */
public final class SyntheticWork {
    private final int iterations;
    private long sink;

    public SyntheticWork(int iterations) {
        if (iterations < 0) {
            throw new IllegalArgumentException("synthetic work must be >= 0 iterations");
        }
        this.iterations = iterations;
    }

    /** Burns the configured iterations; the result is kept so the JIT cannot drop the loop. */
    public void burn(long salt) {
        long x = salt ^ sink;
        for (int i = 0; i < iterations; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            x ^= x >>> 29;
        }
        sink = x;
    }

    public static AssistantPolicy around(AssistantPolicy policy, int iterations) {
        if (iterations == 0) {
            return policy;
        }
        SyntheticWork work = new SyntheticWork(iterations);
        return (Observation observation, AgentContext context) -> {
            work.burn(context.now());
            List<AssistantAction> actions = policy.onObservation(observation, context);
            return actions;
        };
    }

    public static ServicePolicy around(ServicePolicy policy, int iterations) {
        if (iterations == 0) {
            return policy;
        }
        SyntheticWork work = new SyntheticWork(iterations);
        return (Observation observation, AgentContext context) -> {
            work.burn(context.now());
            List<ServiceAction> actions = policy.onObservation(observation, context);
            return actions;
        };
    }
}

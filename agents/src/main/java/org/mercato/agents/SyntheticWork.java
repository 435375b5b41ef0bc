package org.mercato.agents;

import java.util.List;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.policy.GuessingAhead;
import org.mercato.sim.policy.Prefetching;
import org.mercato.sim.policy.ServicePolicy;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.protocol.ServiceAction;

/**
 * Adds a fixed amount of CPU work to every observation a policy handles, standing in for what a
 * real agent spends on a text query or a utility computation. The work is counted in iterations,
 * not wall time, so it never changes outcomes; it only changes how long a run takes. A wrapped
 * {@link Prefetching} policy stays one, and a {@link GuessingAhead} one stays that (prefetching and
 * guessing do no synthetic work).
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
        if (policy instanceof GuessingAhead ahead) {
            return new GuessingAssistant(policy, ahead, work);
        }
        if (policy instanceof Prefetching ahead) {
            return new PrefetchingAssistant(policy, ahead, work);
        }
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
        if (policy instanceof GuessingAhead ahead) {
            return new GuessingService(policy, ahead, work);
        }
        if (policy instanceof Prefetching ahead) {
            return new PrefetchingService(policy, ahead, work);
        }
        return (Observation observation, AgentContext context) -> {
            work.burn(context.now());
            List<ServiceAction> actions = policy.onObservation(observation, context);
            return actions;
        };
    }

    /** The wrapped policy's {@link Prefetching} stays visible to the kernel. */
    private record PrefetchingAssistant(AssistantPolicy policy, Prefetching ahead, SyntheticWork work)
            implements AssistantPolicy, Prefetching {
        @Override
        public List<AssistantAction> onObservation(Observation observation, AgentContext context) {
            work.burn(context.now());
            return policy.onObservation(observation, context);
        }

        @Override
        public void prefetch(Observation observation, AgentContext context) {
            ahead.prefetch(observation, context);
        }

        @Override
        public boolean wantsGuesses() {
            return ahead.wantsGuesses();
        }
    }

    private record PrefetchingService(ServicePolicy policy, Prefetching ahead, SyntheticWork work)
            implements ServicePolicy, Prefetching {
        @Override
        public List<ServiceAction> onObservation(Observation observation, AgentContext context) {
            work.burn(context.now());
            return policy.onObservation(observation, context);
        }

        @Override
        public void prefetch(Observation observation, AgentContext context) {
            ahead.prefetch(observation, context);
        }

        @Override
        public boolean wantsGuesses() {
            return ahead.wantsGuesses();
        }
    }

    /** The wrapped policy's {@link GuessingAhead} stays visible to the kernel: its guesses pass through. */
    private record GuessingAssistant(AssistantPolicy policy, GuessingAhead ahead, SyntheticWork work)
            implements AssistantPolicy, GuessingAhead {
        @Override
        public List<AssistantAction> onObservation(Observation observation, AgentContext context) {
            work.burn(context.now());
            return policy.onObservation(observation, context);
        }

        @Override
        public void prefetch(Observation observation, AgentContext context) {
            ahead.prefetch(observation, context);
        }

        @Override
        public boolean wantsGuesses() {
            return ahead.wantsGuesses();
        }

        @Override
        public Guess guess(Guess after, Observation observation, AgentContext context) {
            return ahead.guess(after, observation, context);
        }

        @Override
        public Guess recheck(Guess pending) {
            return ahead.recheck(pending);
        }

        @Override
        public void whenAnswered(Runnable listener) {
            ahead.whenAnswered(listener);
        }
    }

    private record GuessingService(ServicePolicy policy, GuessingAhead ahead, SyntheticWork work)
            implements ServicePolicy, GuessingAhead {
        @Override
        public List<ServiceAction> onObservation(Observation observation, AgentContext context) {
            work.burn(context.now());
            return policy.onObservation(observation, context);
        }

        @Override
        public void prefetch(Observation observation, AgentContext context) {
            ahead.prefetch(observation, context);
        }

        @Override
        public boolean wantsGuesses() {
            return ahead.wantsGuesses();
        }

        @Override
        public Guess guess(Guess after, Observation observation, AgentContext context) {
            return ahead.guess(after, observation, context);
        }

        @Override
        public Guess recheck(Guess pending) {
            return ahead.recheck(pending);
        }

        @Override
        public void whenAnswered(Runnable listener) {
            ahead.whenAnswered(listener);
        }
    }
}

package org.mercato.agents;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
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
        SyntheticWork work = new SyntheticWork(iterations);
        AssistantPolicy working =
                (observation, context) -> work.before(context, () -> policy.onObservation(observation, context));
        return iterations == 0
                ? policy
                : keepingLookahead(policy, working, GuessingAssistant::new, PrefetchingAssistant::new);
    }

    public static ServicePolicy around(ServicePolicy policy, int iterations) {
        SyntheticWork work = new SyntheticWork(iterations);
        ServicePolicy working =
                (observation, context) -> work.before(context, () -> policy.onObservation(observation, context));
        return iterations == 0
                ? policy
                : keepingLookahead(policy, working, GuessingService::new, PrefetchingService::new);
    }

    /** Burns the iterations, then reacts. */
    private <T> T before(AgentContext context, Supplier<T> reaction) {
        burn(context.now());
        return reaction.get();
    }

    /** {@code working}, still {@link GuessingAhead} or {@link Prefetching} if {@code policy} is. */
    private static <P> P keepingLookahead(
            P policy, P working, BiFunction<P, GuessingAhead, P> guessing, BiFunction<P, Prefetching, P> prefetching) {
        if (policy instanceof GuessingAhead ahead) {
            return guessing.apply(working, ahead);
        }
        if (policy instanceof Prefetching ahead) {
            return prefetching.apply(working, ahead);
        }
        return working;
    }

    /** Keeps the wrapped policy's {@link Prefetching} visible to the kernel. */
    private interface PassesPrefetching extends Prefetching {
        Prefetching ahead();

        @Override
        default void prefetch(Observation observation, AgentContext context) {
            ahead().prefetch(observation, context);
        }

        @Override
        default boolean wantsGuesses() {
            return ahead().wantsGuesses();
        }
    }

    /** Keeps the wrapped policy's {@link GuessingAhead} visible to the kernel: its guesses pass through. */
    private interface PassesGuessing extends GuessingAhead, PassesPrefetching {
        @Override
        GuessingAhead ahead();

        @Override
        default Guess guess(Guess after, Observation observation, AgentContext context) {
            return ahead().guess(after, observation, context);
        }

        @Override
        default Guess recheck(Guess pending) {
            return ahead().recheck(pending);
        }

        @Override
        default void whenAnswered(Runnable listener) {
            ahead().whenAnswered(listener);
        }
    }

    private interface WorkingAssistant extends AssistantPolicy {
        AssistantPolicy working();

        @Override
        default List<AssistantAction> onObservation(Observation observation, AgentContext context) {
            return working().onObservation(observation, context);
        }
    }

    private interface WorkingService extends ServicePolicy {
        ServicePolicy working();

        @Override
        default List<ServiceAction> onObservation(Observation observation, AgentContext context) {
            return working().onObservation(observation, context);
        }
    }

    private record PrefetchingAssistant(AssistantPolicy working, Prefetching ahead)
            implements WorkingAssistant, PassesPrefetching {}

    private record GuessingAssistant(AssistantPolicy working, GuessingAhead ahead)
            implements WorkingAssistant, PassesGuessing {}

    private record PrefetchingService(ServicePolicy working, Prefetching ahead)
            implements WorkingService, PassesPrefetching {}

    private record GuessingService(ServicePolicy working, GuessingAhead ahead)
            implements WorkingService, PassesGuessing {}
}

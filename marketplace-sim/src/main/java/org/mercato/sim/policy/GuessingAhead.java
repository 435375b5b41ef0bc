package org.mercato.sim.policy;

import java.util.List;
import org.mercato.sim.protocol.Action;
import org.mercato.sim.protocol.Observation;

/**
 * A {@link Prefetching} policy that can also say what it would do, once its slow part is done, so
 * the rolling kernel can guess several steps ahead: the guessed actions go into a forked market,
 * whose deliveries are guessed in turn. A guess starts from the policy's real state ({@code after}
 * null) or from an earlier guess, and must change nothing the policy's real reactions depend on.
 */
public interface GuessingAhead extends Prefetching {
    /**
     * The policy's guessed state after {@code observation} at {@code context.now()}, starting from
     * {@code after} (null: the real state). Starts the slow part as {@link #prefetch} does. Its
     * {@link Guess#actions()} are the actions it would take (empty if none), or null while the slow
     * part is still running; null as a whole when the observation cannot be guessed at all.
     *
     * <p>{@code after} may itself be pending (its actions null): a policy whose next turn does not
     * need that answer (a seller with one conversation per customer) can still start on it, and the
     * kernel places its actions once everything before them is known; a policy that needs the
     * answer returns null.
     */
    Guess guess(Guess after, Observation observation, AgentContext context);

    /** {@code pending} again (its actions were null), with its actions if they are known by now. */
    Guess recheck(Guess pending);

    /**
     * Registers {@code listener}, to be called (from any thread, quickly) whenever the slow part of
     * some guess finishes, so the kernel can guess further.
     */
    void whenAnswered(Runnable listener);

    /** A guessed state, opaque to the kernel, and the actions (null: not known yet). */
    record Guess(Object state, List<? extends Action> actions) {}
}

package org.mercato.sim.policy;

import org.mercato.sim.protocol.Observation;

/**
 * A policy whose reactions take wall time (a model call) and can be started ahead. The rolling
 * kernel calls {@link #prefetch} with the observation it expects the agent to get next, before that
 * observation is safe, while the agent is idle; the policy may start the slow part (for a language
 * model: send the request it would send) so that the real reaction, if the guess was right, finds
 * the answer ready. It must not change anything the policy's outcomes depend on: a wrong guess
 * wastes work, never changes a result.
 */
public interface Prefetching {
    /** Starts the slow part of reacting to {@code observation} at {@code context.now()}; returns at once. */
    void prefetch(Observation observation, AgentContext context);

    /**
     * Whether guesses help this policy at all (for example, not when its answers come from a
     * recording); when false the kernel offers none and spends no time guessing.
     */
    default boolean wantsGuesses() {
        return true;
    }
}

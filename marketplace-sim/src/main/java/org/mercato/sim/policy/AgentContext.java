package org.mercato.sim.policy;

import java.util.SplittableRandom;

/** What a policy may know besides its observations: who it is, the virtual time, its own randomness. */
public interface AgentContext {
    /** This agent's id (the customer's or the service's id). */
    String self();

    /** Virtual time of the observation being handled, in microseconds. */
    long now();

    /** This agent's own random stream, derived from the master seed and the agent id. */
    SplittableRandom random();

    /**
     * Virtual time at which the actions returned for the observation being handled take effect
     * (its time, the network delay and the think time already drawn for it); {@link #now()} outside
     * a simulation. Bounds shared by agents charge their use at this time, which the kernel's
     * ordering makes the same whatever the threads do.
     */
    default long actsAt() {
        return now();
    }

    /**
     * The {@code seq} of the newest event in the log when the observation being handled was handed
     * over (the event behind it), -1 before any event and outside a simulation. For records kept
     * beside the log (model transcripts); never for decisions.
     */
    default long seq() {
        return -1;
    }

    /** A context that stays as given, for trying a policy outside a simulation (unit tests). */
    static AgentContext of(String self, long now, SplittableRandom random) {
        return new Fixed(self, now, random);
    }

    /** See {@link #of}. */
    record Fixed(String self, long now, SplittableRandom random) implements AgentContext {}
}

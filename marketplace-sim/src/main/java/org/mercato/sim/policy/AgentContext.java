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
}

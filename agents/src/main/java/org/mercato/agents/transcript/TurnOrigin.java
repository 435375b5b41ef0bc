package org.mercato.agents.transcript;

import org.mercato.sim.policy.AgentContext;

/**
 * Who takes a model turn and on what: the agent's id, its role in the transcript (null: the
 * client's), the virtual time and the {@code seq} of the event behind the observation.
 */
public record TurnOrigin(String agent, String role, long t, long seq) {
    /** A turn of the agent of {@code context}, on its current observation. */
    public static TurnOrigin of(AgentContext context, String role) {
        return new TurnOrigin(context.self(), role, context.now(), context.seq());
    }

    /** A turn at setup, before any event (a listing rewrite). */
    public static TurnOrigin atSetup(String agent, String role) {
        return new TurnOrigin(agent, role, 0, -1);
    }
}

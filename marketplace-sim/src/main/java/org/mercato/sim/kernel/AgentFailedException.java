package org.mercato.sim.kernel;

/** A policy threw while handling an observation; the run stops with this as its cause. */
public final class AgentFailedException extends RuntimeException {
    private final String agent;

    public AgentFailedException(String agent, Throwable cause) {
        super("agent " + agent + " failed: " + cause, cause);
        this.agent = agent;
    }

    public String agent() {
        return agent;
    }
}

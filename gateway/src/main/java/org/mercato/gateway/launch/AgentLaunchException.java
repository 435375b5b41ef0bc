package org.mercato.gateway.launch;

/** An external group's command could not be started; the message is one line naming the group. */
public final class AgentLaunchException extends RuntimeException {
    public AgentLaunchException(String message) {
        super(message);
    }
}

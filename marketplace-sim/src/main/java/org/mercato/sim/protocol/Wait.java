package org.mercato.sim.protocol;

/** Ask to be woken at virtual time {@code until} (microseconds) with a {@link WokenUp}. */
public record Wait(long until) implements AssistantAction, ServiceAction {
    @Override
    public String kind() {
        return "wait";
    }
}

package org.mercato.sim.events;

/** An agent asked to be woken at {@code until}. */
public record WaitEvent(String agent, long until) implements Event {
    @Override
    public String type() {
        return "wait";
    }

    @Override
    public void writeFields(JsonLine out) {
        out.field("agent", agent).field("until", until);
    }
}

package org.mercato.sim.events;

/** An agent was woken as it asked. */
public record WakeEvent(String agent) implements Event {
    @Override
    public String type() {
        return "wake";
    }

    @Override
    public void writeFields(JsonLine out) {
        out.field("agent", agent);
    }
}

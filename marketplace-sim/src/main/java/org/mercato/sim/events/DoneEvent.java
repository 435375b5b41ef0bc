package org.mercato.sim.events;

/** An assistant stopped shopping. */
public record DoneEvent(String agent, String reason) implements Event {
    @Override
    public String type() {
        return "done";
    }

    @Override
    public void writeFields(JsonLine out) {
        out.field("agent", agent).field("reason", reason);
    }
}

package org.mercato.sim.events;

/** A customer posted a task for a strategy auction. */
public record TaskEvent(String id, String customer, double difficulty, String text) implements Event {
    @Override
    public String type() {
        return "task";
    }

    @Override
    public void writeFields(JsonLine out) {
        out.field("id", id)
                .field("customer", customer)
                .field("difficulty", difficulty)
                .field("text", text);
    }
}

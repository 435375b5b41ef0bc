package org.mercato.sim.events;

/** A service's stock was refilled; {@code stock} is the number of units available after it. */
public record RestockEvent(String service, int stock) implements Event {
    @Override
    public String type() {
        return "restock";
    }

    @Override
    public void writeFields(JsonLine out) {
        out.field("service", service).field("stock", stock);
    }
}

package org.mercato.sim.events;

/** A customer arrived for a visit (0 = first visit); written only by markets with dynamics. */
public record ArrivalEvent(String customer, int visit) implements Event {
    @Override
    public String type() {
        return "arrival";
    }

    @Override
    public void writeFields(JsonLine out) {
        out.field("customer", customer).field("visit", visit);
    }
}

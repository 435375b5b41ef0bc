package org.mercato.sim.events;

/** A service's displayed rating (one decimal) and review count changed. */
public record ReputationEvent(String service, double rating, int reviews) implements Event {
    @Override
    public String type() {
        return "reputation";
    }

    @Override
    public void writeFields(JsonLine out) {
        out.field("service", service).field("rating", rating).field("reviews", reviews);
    }
}

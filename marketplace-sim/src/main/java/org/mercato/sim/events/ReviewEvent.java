package org.mercato.sim.events;

/**
 * A review of a service: genuine (by the customer of a delivered proposal) or fake (customer and
 * proposal null), and whether the platform's filter removed it. Customer and proposal are written
 * only when present, {@code fake} and {@code filtered} only when true.
 */
public record ReviewEvent(String service, String customer, String proposal, int stars, boolean fake, boolean filtered)
        implements Event {
    @Override
    public String type() {
        return "review";
    }

    @Override
    public void writeFields(JsonLine out) {
        out.field("service", service);
        if (customer != null) {
            out.field("customer", customer);
        }
        if (proposal != null) {
            out.field("proposal", proposal);
        }
        out.field("stars", stars);
        if (fake) {
            out.field("fake", true);
        }
        if (filtered) {
            out.field("filtered", true);
        }
    }
}

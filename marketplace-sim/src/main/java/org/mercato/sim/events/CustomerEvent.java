package org.mercato.sim.events;

import org.mercato.sim.domain.Customer;

/** A customer entered the market; logs the hidden needs so metrics can be recomputed from the log. */
public record CustomerEvent(Customer customer) implements Event {
    @Override
    public String type() {
        return "customer";
    }

    @Override
    public void writeFields(JsonLine out) {
        out.field("id", customer.id())
                .counts("items", customer.items())
                .prices("reference_prices", customer.referencePrices())
                .strings("amenities", customer.requiredAmenities())
                .money("budget", customer.budget())
                .money("time_cost_per_hour", customer.timeCostPerHour());
    }
}

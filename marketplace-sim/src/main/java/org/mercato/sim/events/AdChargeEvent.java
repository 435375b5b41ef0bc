package org.mercato.sim.events;

import java.util.Objects;

/**
 * An advertiser was charged for a sponsored listing: {@code basis} is {@code impression} (it was
 * shown) or {@code choice} (the customer who saw it sponsored paid one of its proposals); {@code
 * search} is the {@code seq} of the page that showed it; {@code budget_left} is the advertiser's
 * ad budget after the charge (null when it has no budget limit).
 */
public record AdChargeEvent(String service, String customer, long search, String basis, long amount, Long budgetLeft)
        implements Event {
    public AdChargeEvent {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(basis, "basis");
    }

    @Override
    public String type() {
        return "ad_charge";
    }

    @Override
    public void writeFields(JsonLine out) {
        out.field("service", service)
                .field("customer", customer)
                .field("search", search)
                .field("basis", basis)
                .money("amount", amount);
        if (budgetLeft == null) {
            out.nullField("budget_left");
        } else {
            out.money("budget_left", budgetLeft);
        }
    }
}

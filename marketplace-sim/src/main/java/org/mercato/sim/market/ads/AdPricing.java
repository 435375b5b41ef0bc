package org.mercato.sim.market.ads;

/**
 * What a winner is charged for. {@code PER_IMPRESSION}: its price each time its sponsored listing
 * is shown. {@code PER_CHOICE}: its price when the customer who saw it sponsored pays one of its
 * proposals (once per sponsored showing; the latest showing's price).
 */
public enum AdPricing {
    PER_IMPRESSION("impression"),
    PER_CHOICE("choice");

    private final String basis;

    AdPricing(String basis) {
        this.basis = basis;
    }

    /** The billing unit as written in {@code ad_charge} events. */
    public String basis() {
        return basis;
    }
}

package org.mercato.sim.market.ads;

import java.util.Objects;

/**
 * One advertiser's bid in a sponsored-slot auction: the most it will pay per billing unit (an
 * impression or a choice), in cents, and its quality ({@code > 0}, for example a rating share or
 * an observed choice rate) which squashed mechanisms rank by.
 */
public record AdBid(String service, long bid, double quality) {
    public AdBid {
        Objects.requireNonNull(service, "service");
        if (bid < 0) {
            throw new IllegalArgumentException("bid must be >= 0, was " + bid);
        }
        if (!(quality > 0) || Double.isInfinite(quality)) {
            throw new IllegalArgumentException("quality must be a number > 0, was " + quality);
        }
    }

    /** A bid of quality 1 (for mechanisms or tests without quality). */
    public static AdBid of(String service, long bid) {
        return new AdBid(service, bid, 1.0);
    }
}

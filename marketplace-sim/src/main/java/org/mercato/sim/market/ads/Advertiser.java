package org.mercato.sim.market.ads;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A service that buys sponsored slots: its ad budget in cents ({@code Long.MAX_VALUE} for none) and
 * a factory for its bidder (one fresh bidder per run).
 */
public record Advertiser(String service, long budget, Supplier<Bidder> bidder) {
    public Advertiser {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(bidder, "bidder");
        if (budget < 0) {
            throw new IllegalArgumentException("ad budget of " + service + " must be >= 0, was " + budget);
        }
    }
}

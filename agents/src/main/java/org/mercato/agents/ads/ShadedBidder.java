package org.mercato.agents.ads;

import org.mercato.sim.market.ads.Bidder;

/**
 * Bids a fixed share of its value, rounded to the cent: what a first-price bidder does (with n
 * symmetric uniform rivals the equilibrium share is (n − 1)/n).
 */
public final class ShadedBidder implements Bidder {
    private final long value;
    private final double factor;

    public ShadedBidder(long value, double factor) {
        this.value = BiddingStrategies.requireValue(value);
        this.factor = BiddingStrategies.requireFactor("shade", factor);
    }

    @Override
    public long bid(BidRequest request) {
        return Math.round(value * factor);
    }
}

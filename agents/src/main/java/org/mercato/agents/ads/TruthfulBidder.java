package org.mercato.agents.ads;

import org.mercato.sim.market.ads.Bidder;

/** Bids its value per billing unit: the dominant strategy in a single-slot second-price auction. */
public final class TruthfulBidder implements Bidder {
    private final long value;

    public TruthfulBidder(long value) {
        this.value = BiddingStrategies.requireValue(value);
    }

    @Override
    public long bid(BidRequest request) {
        return value;
    }
}

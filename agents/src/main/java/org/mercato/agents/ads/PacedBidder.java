package org.mercato.agents.ads;

import org.mercato.sim.market.ads.Bidder;

/**
 * Spreads a budget over the run by multiplicative pacing: it bids value × μ, and before each bid
 * compares the share of its budget spent with the share of the pacing horizon gone; ahead of
 * plan, μ falls by 20% (not below 0.05); on or behind plan, μ rises by 10% (not above 1). Without
 * a budget limit it bids its value.
 */
public final class PacedBidder implements Bidder {
    private final long value;
    private final long budget;
    private final long horizon;
    private double multiplier = 1.0;

    public PacedBidder(long value, long budget, long horizon) {
        this.value = BiddingStrategies.requireValue(value);
        if (budget < 0) {
            throw new IllegalArgumentException("budget must be >= 0, was " + budget);
        }
        if (horizon <= 0) {
            throw new IllegalArgumentException("pacing horizon must be > 0, was " + horizon);
        }
        this.budget = budget;
        this.horizon = horizon;
    }

    @Override
    public long bid(BidRequest request) {
        if (budget == Long.MAX_VALUE || budget == 0) {
            return budget == 0 ? 0 : value;
        }
        double spent = (budget - request.budgetLeft()) / (double) budget;
        double elapsed = Math.min(1.0, request.time() / (double) horizon);
        multiplier = spent > elapsed ? Math.max(0.05, multiplier * 0.8) : Math.min(1.0, multiplier * 1.1);
        return Math.min(request.budgetLeft(), Math.round(value * multiplier));
    }

    double multiplier() {
        return multiplier;
    }
}

package org.mercato.sim.market.ads;

import java.util.List;

/** Pay your bid: slots go by score (quality^σ × bid), each winner pays exactly what it bid. */
public record FirstPriceAuction() implements AuctionMechanism {
    @Override
    public String name() {
        return "first-price";
    }

    @Override
    public AuctionResult run(List<AdBid> bids, AuctionRules rules) {
        // the bid is at least the reserve, so rounding leaves it as it is
        return Ranking.award(Ranking.eligible(bids, rules, true), rules, (slot, bid, ranked) -> bid.bid());
    }
}

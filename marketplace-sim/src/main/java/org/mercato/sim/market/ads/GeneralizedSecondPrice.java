package org.mercato.sim.market.ads;

import java.util.List;

/**
 * Generalized second price with quality squashing: slots go by score q^σ × b; the winner of slot k
 * pays the next bidder's score divided by its own q^σ (the least bid that keeps its place), at
 * least the reserve, rounded up to the cent.
 */
public record GeneralizedSecondPrice() implements AuctionMechanism {
    @Override
    public String name() {
        return "gsp";
    }

    @Override
    public AuctionResult run(List<AdBid> bids, AuctionRules rules) {
        return Ranking.award(Ranking.eligible(bids, rules, true), rules, (slot, bid, ranked) -> {
            double next = slot < ranked.size() ? Ranking.score(ranked.get(slot), rules, true) : 0;
            return next / rules.squash(bid.quality());
        });
    }
}

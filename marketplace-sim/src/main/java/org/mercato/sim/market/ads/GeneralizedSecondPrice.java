package org.mercato.sim.market.ads;

import java.util.ArrayList;
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
        List<AdBid> ranked = Ranking.eligible(bids, rules, true);
        List<SlotAward> winners = new ArrayList<>();
        for (int k = 0; k < Math.min(rules.slots(), ranked.size()); k++) {
            AdBid bid = ranked.get(k);
            double next = k + 1 < ranked.size() ? Ranking.score(ranked.get(k + 1), rules, true) : 0;
            double exact = next / rules.squash(bid.quality());
            winners.add(
                    new SlotAward(k + 1, bid.service(), bid.bid(), Ranking.price(exact, bid.bid(), rules.reserve())));
        }
        return new AuctionResult(winners);
    }
}

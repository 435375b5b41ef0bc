package org.mercato.sim.market.ads;

import java.util.ArrayList;
import java.util.List;

/** Pay your bid: slots go by score (quality^σ × bid), each winner pays exactly what it bid. */
public record FirstPriceAuction() implements AuctionMechanism {
    @Override
    public String name() {
        return "first-price";
    }

    @Override
    public AuctionResult run(List<AdBid> bids, AuctionRules rules) {
        List<AdBid> ranked = Ranking.eligible(bids, rules, true);
        List<SlotAward> winners = new ArrayList<>();
        for (int k = 0; k < Math.min(rules.slots(), ranked.size()); k++) {
            AdBid bid = ranked.get(k);
            winners.add(new SlotAward(k + 1, bid.service(), bid.bid(), bid.bid()));
        }
        return new AuctionResult(winners);
    }
}

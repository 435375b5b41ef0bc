package org.mercato.sim.market.ads;

import java.util.ArrayList;
import java.util.List;

/**
 * The Vickrey rule by bids alone (quality ignored): slots go by bid, each winner pays the next
 * eligible bid below it, at least the reserve. With one slot it is the second-price auction, where
 * bidding one's value is weakly dominant; with more slots it is GSP without squashing.
 */
public record SecondPriceAuction() implements AuctionMechanism {
    @Override
    public String name() {
        return "second-price";
    }

    @Override
    public AuctionResult run(List<AdBid> bids, AuctionRules rules) {
        List<AdBid> ranked = Ranking.eligible(bids, rules, false);
        List<SlotAward> winners = new ArrayList<>();
        for (int k = 0; k < Math.min(rules.slots(), ranked.size()); k++) {
            AdBid bid = ranked.get(k);
            long next = k + 1 < ranked.size() ? ranked.get(k + 1).bid() : 0;
            winners.add(
                    new SlotAward(k + 1, bid.service(), bid.bid(), Ranking.price(next, bid.bid(), rules.reserve())));
        }
        return new AuctionResult(winners);
    }
}

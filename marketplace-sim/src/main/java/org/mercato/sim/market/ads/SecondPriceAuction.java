package org.mercato.sim.market.ads;

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
        return Ranking.award(
                Ranking.eligible(bids, rules, false),
                rules,
                (slot, bid, ranked) -> slot < ranked.size() ? ranked.get(slot).bid() : 0);
    }
}

package org.mercato.sim.market.ads;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The bids that clear the reserve, best first, and the rounding every mechanism prices with. */
final class Ranking {
    private Ranking() {}

    /**
     * Bids of at least the reserve (and above 0), by score descending; equal scores break by
     * service id ascending, so the order never depends on the order bids came in.
     */
    static List<AdBid> eligible(List<AdBid> bids, AuctionRules rules, boolean squashed) {
        List<AdBid> eligible = new ArrayList<>();
        for (AdBid bid : bids) {
            if (bid.bid() > 0 && bid.bid() >= rules.reserve()) {
                eligible.add(bid);
            }
        }
        Comparator<AdBid> byScore = Comparator.comparingDouble(b -> -score(b, rules, squashed));
        eligible.sort(byScore.thenComparing(AdBid::service));
        return eligible;
    }

    static double score(AdBid bid, AuctionRules rules, boolean squashed) {
        return squashed ? rules.squash(bid.quality()) * bid.bid() : bid.bid();
    }

    /** What the holder of a slot would pay per billing unit before rounding. */
    @FunctionalInterface
    interface ExactPrice {
        /** {@code slot} counts from 1; {@code ranked} is the whole eligible list, best first. */
        double of(int slot, AdBid bid, List<AdBid> ranked);
    }

    /**
     * Fills the slots top down with the ranked bids; each winner pays its exact price rounded by
     * {@link #price}.
     */
    static AuctionResult award(List<AdBid> ranked, AuctionRules rules, ExactPrice exactPrice) {
        List<SlotAward> winners = new ArrayList<>();
        for (int slot = 1; slot <= Math.min(rules.slots(), ranked.size()); slot++) {
            AdBid bid = ranked.get(slot - 1);
            long paid = price(exactPrice.of(slot, bid, ranked), bid.bid(), rules.reserve());
            winners.add(new SlotAward(slot, bid.service(), bid.bid(), paid));
        }
        return new AuctionResult(winners);
    }

    /**
     * A price in whole cents: {@code exact} rounded up (a tolerance absorbs floating-point noise),
     * never below the reserve and never above the bid (exact prices never exceed it in theory).
     */
    static long price(double exact, long bid, long reserve) {
        long cents = (long) Math.ceil(exact - 1e-7);
        return Math.min(bid, Math.max(reserve, cents));
    }
}

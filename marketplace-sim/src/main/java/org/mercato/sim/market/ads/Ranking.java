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

    /**
     * A price in whole cents: {@code exact} rounded up (a tolerance absorbs floating-point noise),
     * never below the reserve and never above the bid (exact prices never exceed it in theory).
     */
    static long price(double exact, long bid, long reserve) {
        long cents = (long) Math.ceil(exact - 1e-7);
        return Math.min(bid, Math.max(reserve, cents));
    }
}

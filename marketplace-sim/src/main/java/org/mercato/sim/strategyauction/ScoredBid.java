package org.mercato.sim.strategyauction;

import java.util.Comparator;

/** A bid with its score. Ordered by total score, then bidder id: the auction's ranking. */
public record ScoredBid(PlanBid bid, Score score) {
    public static final Comparator<ScoredBid> RANKING = Comparator.comparingDouble(
                    (ScoredBid b) -> b.score().total())
            .thenComparing(b -> b.bid().bidder());

    public String bidder() {
        return bid.bidder();
    }
}

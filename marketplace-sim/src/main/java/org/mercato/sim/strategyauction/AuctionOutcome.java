package org.mercato.sim.strategyauction;

import java.util.List;

/**
 * One strategy auction: the first-round bids (bidder-id order), the provisional winner, the
 * refinement candidates of the bidders cheaper than it (bidder-id order), each bidder's final bid
 * (the better of its first bid and its refinement; bidder-id order), the winner among the final
 * bids, and how many past auctions the memory held.
 */
public record AuctionOutcome(
        Task task,
        List<ScoredBid> firstRound,
        ScoredBid provisional,
        List<ScoredBid> refinements,
        List<ScoredBid> finalBids,
        ScoredBid winner,
        int memorySize) {
    public AuctionOutcome {
        firstRound = List.copyOf(firstRound);
        refinements = List.copyOf(refinements);
        finalBids = List.copyOf(finalBids);
    }

    public PlanBid winningBid() {
        return winner.bid();
    }
}

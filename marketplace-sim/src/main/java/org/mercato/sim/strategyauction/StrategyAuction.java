package org.mercato.sim.strategyauction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The SALE mechanism. Every bidder bids a plan, the jury scores it, and the lowest score (C − V)
 * wins provisionally (ties by bidder id). Each bidder whose price per token is below the
 * provisional winner's may then refine its bid from the k most similar past auctions in the
 * shared memory; it keeps the better of its two bids, so refining never hurts it. The lowest
 * final score wins. Bidders are asked in bidder-id order on the caller's thread, so an auction is
 * a pure function of the bidders' and the jury's random streams.
 */
public final class StrategyAuction {
    private final List<StrategyBidder> bidders;
    private final Jury jury;
    private final ScoreWeights weights;
    private final int k;
    private final AuctionMemory memory;

    public StrategyAuction(
            List<? extends StrategyBidder> bidders, Jury jury, ScoreWeights weights, int k, AuctionMemory memory) {
        if (bidders.isEmpty()) {
            throw new IllegalArgumentException("a strategy auction needs at least one bidder");
        }
        List<StrategyBidder> sorted = new ArrayList<>(bidders);
        sorted.sort(Comparator.comparing(StrategyBidder::id));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).id().equals(sorted.get(i - 1).id())) {
                throw new IllegalArgumentException(
                        "two bidders share the id '" + sorted.get(i).id() + "'");
            }
        }
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, was " + k);
        }
        this.bidders = List.copyOf(sorted);
        this.jury = Objects.requireNonNull(jury, "jury");
        this.weights = Objects.requireNonNull(weights, "weights");
        this.k = k;
        this.memory = Objects.requireNonNull(memory, "memory");
    }

    public AuctionMemory memory() {
        return memory;
    }

    public List<StrategyBidder> bidders() {
        return bidders;
    }

    /** Runs the two rounds for a task; does not execute or remember it (see {@link #settle}). */
    public AuctionOutcome auction(Task task) {
        List<ScoredBid> first = new ArrayList<>(bidders.size());
        for (StrategyBidder bidder : bidders) {
            first.add(scored(task, bidder, bidder.plan(task), false, List.of()));
        }
        ScoredBid provisional = first.stream().min(ScoredBid.RANKING).orElseThrow();
        List<MemoryEntry> similar = memory.similar(task, k);
        List<String> used = similar.stream().map(MemoryEntry::task).toList();
        List<ScoredBid> refinements = new ArrayList<>();
        List<ScoredBid> finals = new ArrayList<>(bidders.size());
        for (int i = 0; i < bidders.size(); i++) {
            StrategyBidder bidder = bidders.get(i);
            ScoredBid own = first.get(i);
            if (bidder.pricePerToken() < provisional.bid().pricePerToken()) {
                Plan candidate =
                        bidder.refine(task, own.bid().plan(), provisional.bid().plan(), similar);
                ScoredBid refined = scored(task, bidder, candidate, true, used);
                refinements.add(refined);
                finals.add(refined.score().total() < own.score().total() ? refined : own);
            } else {
                finals.add(own);
            }
        }
        ScoredBid winner = finals.stream().min(ScoredBid.RANKING).orElseThrow();
        return new AuctionOutcome(task, first, provisional, refinements, finals, winner, memory.size());
    }

    /** The winner executes its plan; the auction joins the memory. Returns whether it succeeded. */
    public boolean settle(AuctionOutcome outcome) {
        StrategyBidder winner = bidder(outcome.winner().bidder());
        boolean success = winner.execute(outcome.task(), outcome.winningBid().plan());
        memory.add(MemoryEntry.of(outcome, success));
        return success;
    }

    private StrategyBidder bidder(String id) {
        return bidders.stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow();
    }

    private ScoredBid scored(Task task, StrategyBidder bidder, Plan plan, boolean refined, List<String> used) {
        List<Double> scores = jury.judge(task, bidder.id(), plan, refined ? 2 : 1);
        PlanBid bid =
                new PlanBid(bidder.id(), bidder.bidderClass(), bidder.pricePerToken(), plan, scores, refined, used);
        return new ScoredBid(bid, Score.of(bid, weights));
    }
}

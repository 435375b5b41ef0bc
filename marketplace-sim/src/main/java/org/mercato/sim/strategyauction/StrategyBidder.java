package org.mercato.sim.strategyauction;

import java.util.List;

/**
 * A bidder in a strategy auction: a service or an assistant model with a price per token. Plain
 * Java, called by the engine one auction at a time, in bidder-id order, on one thread.
 */
public interface StrategyBidder {
    String id();

    /** The bidder's class (for example {@code small} or {@code large}), for the metrics. */
    String bidderClass();

    double pricePerToken();

    /** The first bid: a short plan for the task. */
    Plan plan(Task task);

    /**
     * A second try, given the k most similar past auctions (most similar first) and the plan to
     * beat. The engine keeps the better of the two, so a refinement can only help the bidder.
     */
    Plan refine(Task task, Plan first, Plan provisionalWinner, List<MemoryEntry> similar);

    /** Carries out the winning plan; whether it succeeded. */
    boolean execute(Task task, Plan plan);
}

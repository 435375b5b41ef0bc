package org.mercato.sim.market.ads;

/**
 * How an advertiser bids. The market calls it on its own thread in the kernel's order (it is not
 * an actor), so a bidder must be a deterministic function of its construction, the requests and
 * the feedback it got; any randomness comes from a stream derived with {@code Seeds.derive}.
 */
public interface Bidder {
    /** The bid in cents per billing unit; 0 stays out of this auction. */
    long bid(BidRequest request);

    /** What the auction did with this bidder's bid (called for every bidder that bid > 0). */
    default void onOutcome(AuctionFeedback feedback) {}

    /** The advertiser was charged {@code amount} cents. */
    default void onCharge(long time, long amount) {}

    /** An auction about to run: when, for which query, and the advertiser's remaining budget. */
    record BidRequest(long time, String query, long budgetLeft, long reserve) {}

    /** Whether the bid won a slot, which, and the price per billing unit (0 when it lost). */
    record AuctionFeedback(long time, long bid, boolean won, int slot, long price) {}
}

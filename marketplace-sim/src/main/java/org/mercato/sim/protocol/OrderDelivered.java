package org.mercato.sim.protocol;

/**
 * A paid order was delivered at the service's true {@code quality} (in [0, 1], 1 = as listed); told
 * to the customer even after its visit is over (a policy that is done returns no actions for it).
 * Only markets with a delivery model send it. {@code stars} are those of the customer's review of
 * the order (1 to 5) when the market drew one, 0 when not; with {@code reviewText} the market takes
 * that review's text ({@link WriteReview}, reviews with {@code text} on).
 */
public record OrderDelivered(String proposal, String service, double quality, int stars, boolean reviewText)
        implements Observation {
    /** A delivery without a review. */
    public OrderDelivered(String proposal, String service, double quality) {
        this(proposal, service, quality, 0, false);
    }
}

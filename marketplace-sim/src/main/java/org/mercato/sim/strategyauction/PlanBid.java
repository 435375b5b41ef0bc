package org.mercato.sim.strategyauction;

import java.util.List;
import java.util.Objects;

/**
 * A bidder's plan for a task with the jury's scores (each 0–5), the bidder's price per token and
 * whether it is a refinement; {@code memory} lists the past tasks a refinement drew on.
 */
public record PlanBid(
        String bidder,
        String bidderClass,
        double pricePerToken,
        Plan plan,
        List<Double> jury,
        boolean refined,
        List<String> memory) {
    public PlanBid {
        Objects.requireNonNull(bidder, "bidder");
        Objects.requireNonNull(bidderClass, "bidderClass");
        Objects.requireNonNull(plan, "plan");
        jury = List.copyOf(jury);
        memory = memory == null ? List.of() : List.copyOf(memory);
        for (double score : jury) {
            if (!(score >= 0 && score <= 5)) {
                throw new IllegalArgumentException("a jury score must be within [0, 5], was " + score);
            }
        }
        if (!(pricePerToken >= 0) || Double.isInfinite(pricePerToken)) {
            throw new IllegalArgumentException("price per token must be finite and >= 0, was " + pricePerToken);
        }
    }
}

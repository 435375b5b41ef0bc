package org.mercato.sim.market.dynamics;

/** How reviews (the catalog's seeded ones included) aggregate to a displayed rating. */
public sealed interface Aggregation permits Aggregation.Mean, Aggregation.Bayesian, Aggregation.Recency {
    /** The plain mean of every unfiltered review. */
    record Mean() implements Aggregation {}

    /** The mean with {@code priorWeight} pseudo-reviews of {@code priorMean} stars added. */
    record Bayesian(double priorMean, double priorWeight) implements Aggregation {
        public Bayesian {
            if (priorMean < 1 || priorMean > 5) {
                throw new IllegalArgumentException("prior mean must be within [1, 5], was " + priorMean);
            }
            if (priorWeight < 0) {
                throw new IllegalArgumentException("prior weight must be >= 0, was " + priorWeight);
            }
        }
    }

    /** A mean weighting each review by 2^(-age / halfLife); seeded reviews date from time 0. */
    record Recency(long halfLife) implements Aggregation {
        public Recency {
            if (halfLife <= 0) {
                throw new IllegalArgumentException("half-life must be > 0, was " + halfLife);
            }
        }
    }
}

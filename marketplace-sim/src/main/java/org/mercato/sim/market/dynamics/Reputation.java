package org.mercato.sim.market.dynamics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One service's displayed reputation. The catalog's {@code rating} × {@code reviewCount} count as
 * that many seeded reviews (dated time 0); unfiltered reviews are added as they come, in time
 * order. The displayed rating is the {@link Aggregation} of all of them rounded to one decimal
 * (half up); the displayed count is seeded + added. With nothing to aggregate (no reviews and no
 * prior) the catalog rating stays.
 *
 * <p>Recency keeps its sums relative to the newest review's time, so weights never underflow for
 * recent reviews: relative weights 2^((t_i − t_j) / halfLife) do not depend on when one looks, so
 * the displayed value changes only when a review comes in.
 */
public final class Reputation {
    private final Aggregation aggregation;
    private final double catalogRating;
    private final int seeded;
    private int added;
    private double starSum;
    private double weightedStars;
    private double weights;
    private long reference;

    public Reputation(Aggregation aggregation, double rating, int reviewCount) {
        this.aggregation = aggregation;
        this.catalogRating = rating;
        this.seeded = reviewCount;
        this.weightedStars = rating * reviewCount;
        this.weights = reviewCount;
    }

    /** A copy that changes independently. */
    public Reputation copy() {
        Reputation copy = new Reputation(aggregation, catalogRating, seeded);
        copy.added = added;
        copy.starSum = starSum;
        copy.weightedStars = weightedStars;
        copy.weights = weights;
        copy.reference = reference;
        return copy;
    }

    /** An unfiltered review of {@code stars} written at {@code t} (never before the last one). */
    public void add(long t, int stars) {
        if (t < reference) {
            throw new IllegalArgumentException("reviews come in time order: " + t + " after " + reference);
        }
        added++;
        starSum += stars;
        if (aggregation instanceof Aggregation.Recency recency) {
            double decay = Math.pow(2, -(double) (t - reference) / recency.halfLife());
            weightedStars = weightedStars * decay + stars;
            weights = weights * decay + 1;
            reference = t;
        }
    }

    /** The displayed review count: seeded plus added. */
    public int reviews() {
        return seeded + added;
    }

    /** The aggregate before rounding. */
    public double exact() {
        double seededStars = catalogRating * seeded;
        int count = seeded + added;
        if (aggregation instanceof Aggregation.Bayesian bayes) {
            double weight = bayes.priorWeight() + count;
            return weight == 0
                    ? catalogRating
                    : (bayes.priorMean() * bayes.priorWeight() + seededStars + starSum) / weight;
        }
        if (aggregation instanceof Aggregation.Recency) {
            return weights > 0 ? weightedStars / weights : catalogRating;
        }
        return count == 0 ? catalogRating : (seededStars + starSum) / count;
    }

    /** The displayed rating: the aggregate rounded to one decimal, half up. */
    public double rating() {
        return roundToTenth(exact());
    }

    static double roundToTenth(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    /** Stars of a genuine review of an order delivered at quality q: clamp(round(1 + 4q + noise·z), 1, 5). */
    public static int stars(double quality, double noise, double standardNormal) {
        long rounded = Math.round(1 + 4 * quality + noise * standardNormal);
        return (int) Math.max(1, Math.min(5, rounded));
    }
}

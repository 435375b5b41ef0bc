package org.mercato.sim.market.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The aggregations against values computed by hand. */
class ReputationTest {
    @Test
    void theMeanCountsSeededReviewsAsThatManyReviewsOfTheCatalogRating() {
        Reputation mean = new Reputation(new Aggregation.Mean(), 4.5, 10);
        assertThat(mean.rating()).isEqualTo(4.5);
        assertThat(mean.reviews()).isEqualTo(10);
        mean.add(5, 1);
        mean.add(6, 2);
        // (45 + 1 + 2) / 12 = 4.0
        assertThat(mean.exact()).isCloseTo(4.0, within(1e-12));
        assertThat(mean.rating()).isEqualTo(4.0);
        assertThat(mean.reviews()).isEqualTo(12);
    }

    @Test
    void theDisplayedRatingRoundsHalfUpToOneDecimal() {
        Reputation mean = new Reputation(new Aggregation.Mean(), 4.0, 1);
        mean.add(1, 5);
        mean.add(2, 5);
        mean.add(3, 4);
        // (4 + 5 + 5 + 4) / 4 = 4.5 exactly; with one more 4: 22 / 5 = 4.4
        assertThat(mean.rating()).isEqualTo(4.5);
        Reputation quarter = new Reputation(new Aggregation.Mean(), 4.25, 4);
        assertThat(quarter.rating()).as("4.25 rounds half up").isEqualTo(4.3);
        Reputation below = new Reputation(new Aggregation.Mean(), 4.35, 1);
        assertThat(below.rating())
                .as("the decimal 4.35, not its binary neighbour")
                .isEqualTo(4.4);
    }

    @Test
    void withNothingToAggregateTheCatalogRatingStays() {
        assertThat(new Reputation(new Aggregation.Mean(), 0, 0).rating()).isZero();
        assertThat(new Reputation(new Aggregation.Recency(1_000), 3.7, 0).rating())
                .isEqualTo(3.7);
        assertThat(new Reputation(new Aggregation.Bayesian(4, 0), 3.7, 0).rating())
                .isEqualTo(3.7);
    }

    @Test
    void theBayesianAverageAddsPriorPseudoReviews() {
        Reputation bayes = new Reputation(new Aggregation.Bayesian(4.0, 5), 4.8, 10);
        // (4.0 * 5 + 4.8 * 10) / 15 = 68 / 15 = 4.5333
        assertThat(bayes.exact()).isCloseTo(68.0 / 15, within(1e-12));
        assertThat(bayes.rating()).isEqualTo(4.5);
        bayes.add(1, 1);
        // (20 + 48 + 1) / 16 = 4.3125
        assertThat(bayes.rating()).isEqualTo(4.3);
        assertThat(bayes.reviews()).isEqualTo(11);
        assertThat(new Reputation(new Aggregation.Bayesian(4.0, 5), 0, 0).rating())
                .as("a new service shows the prior")
                .isEqualTo(4.0);
    }

    @Test
    void recencyHalvesAReviewsWeightEveryHalfLife() {
        Reputation recency = new Reputation(new Aggregation.Recency(100), 5.0, 1);
        recency.add(100, 1);
        // seeded 5 at t=0 weighs 1/2 at t=100: (2.5 + 1) / 1.5 = 2.333
        assertThat(recency.exact()).isCloseTo(3.5 / 1.5, within(1e-12));
        recency.add(200, 3);
        // weights 1/4, 1/2, 1: (1.25 + 0.5 + 3) / 1.75 = 2.714
        assertThat(recency.exact()).isCloseTo(4.75 / 1.75, within(1e-12));
        assertThat(recency.rating()).isEqualTo(2.7);
        assertThat(recency.reviews()).isEqualTo(3);
    }

    @Test
    void recencyKeepsRecentReviewsLongAfterTheSeededOnesFaded() {
        Reputation recency = new Reputation(new Aggregation.Recency(1), 5.0, 1000);
        recency.add(1_000_000_000L, 2);
        assertThat(recency.rating()).isEqualTo(2.0);
    }

    @Test
    void starsFollowTheQualityWithNoiseAndStayWithinOneToFive() {
        assertThat(Reputation.stars(1.0, 0, 0)).isEqualTo(5);
        assertThat(Reputation.stars(0.0, 0, 0)).isEqualTo(1);
        assertThat(Reputation.stars(0.4, 0, 0)).isEqualTo(3); // 2.6 rounds to 3
        assertThat(Reputation.stars(0.5, 1.0, 0.6)).isEqualTo(4); // 3.6
        assertThat(Reputation.stars(1.0, 1.0, 3)).isEqualTo(5);
        assertThat(Reputation.stars(0.0, 1.0, -3)).isEqualTo(1);
    }

    @Test
    void aCopyChangesIndependently() {
        Reputation one = new Reputation(new Aggregation.Mean(), 4.0, 1);
        Reputation two = one.copy();
        two.add(1, 1);
        assertThat(one.rating()).isEqualTo(4.0);
        assertThat(two.rating()).isEqualTo(2.5);
    }
}

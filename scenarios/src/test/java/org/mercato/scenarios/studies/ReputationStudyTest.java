package org.mercato.scenarios.studies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mercato.metrics.dynamics.PeriodStats;

/**
 * The reputation study's findings on its per-period series ({@code summary.json}'s {@code periods},
 * folded by {@code PeriodFold}), at a reduced size: with reviews the over-promisers' share of
 * payments falls over the 30 days, while without reviews it stays; fake reviews slow the fall; the
 * review filter restores part of it.
 */
class ReputationStudyTest {
    static final List<String> SMALL = List.of("market.generate.customers=100");
    static final String OVER_PROMISERS = "q<0.5";

    static List<PeriodStats> periods(String... overrides) {
        List<PeriodStats> periods = Studies.periods("reputation", SMALL, overrides);
        assertThat(periods).hasSize(30);
        return periods;
    }

    /** The over-promisers' mean share of payments over periods {@code from} to {@code to} - 1. */
    static double share(List<PeriodStats> periods, int from, int to) {
        return Studies.mean(
                periods,
                from,
                to,
                p -> p.shareByQuality() == null ? null : p.shareByQuality().getOrDefault(OVER_PROMISERS, 0.0));
    }

    @Test
    void reviewsDriveOverPromisersOutFakeReviewsSlowItAndTheFilterRestoresPart() {
        List<PeriodStats> off = periods("market.dynamics.reviews.probability=0");
        List<PeriodStats> on = periods();
        List<PeriodStats> faked = periods("market.dynamics.fakeReviews.budget=60");
        List<PeriodStats> filtered =
                periods("market.dynamics.fakeReviews.budget=60", "market.dynamics.reviews.filter.detect=0.7");

        double early = share(on, 0, 3);
        assertThat(share(off, 0, 1)).isEqualTo(share(on, 0, 1)); // nothing differs before ratings first change
        assertThat(early).isGreaterThan(0.2);

        double withoutReviews = share(off, 20, 30);
        double withReviews = share(on, 20, 30);
        double withFakes = share(faked, 20, 30);
        double withFilter = share(filtered, 20, 30);
        assertThat(withoutReviews).as("no reviews: the share stays").isGreaterThan(early * 0.7);
        assertThat(withReviews).as("reviews: the share falls").isLessThan(early / 2);
        assertThat(withFakes).as("fake reviews slow the fall").isGreaterThan(withReviews + 0.05);
        assertThat(withFilter)
                .as("the filter restores part of it")
                .isLessThan(withFakes)
                .isGreaterThan(withReviews);

        // the displayed ratings tell why: over-promisers' rating falls with reviews and rises with fakes
        double start = on.get(0).meanRatingByQuality().get(OVER_PROMISERS);
        assertThat(on.get(29).meanRatingByQuality().get(OVER_PROMISERS)).isLessThan(start - 0.3);
        assertThat(faked.get(29).meanRatingByQuality().get(OVER_PROMISERS)).isGreaterThan(start);
        assertThat(off.get(29).meanRatingByQuality().get(OVER_PROMISERS)).isEqualTo(start);
    }
}

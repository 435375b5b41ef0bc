package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A market that lives over time ({@code market.dynamics}): it runs until {@code horizon} (which is
 * also the kernel's horizon), cut into periods of {@code period} (none when absent); customers
 * arrive over time ({@code arrivals}; all at time 0 when absent), may come back ({@code returns}),
 * are delivered {@code delivery} after paying, receive what each service's {@code quality}
 * delivers, may leave {@code reviews} that move the displayed ratings (gamed by {@code
 * fakeReviews}), and stock refills ({@code restock}). Every part is optional; a scenario without
 * this section runs exactly as before.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "horizon",
    "period",
    "arrivals",
    "returns",
    "delivery",
    "quality",
    "reviews",
    "fakeReviews",
    "restock"
})
public record DynamicsConfig(
        Duration horizon,
        Duration period,
        ArrivalsConfig arrivals,
        ReturnsConfig returns,
        Duration delivery,
        QualityConfig quality,
        ReviewsConfig reviews,
        FakeReviewsConfig fakeReviews,
        RestockConfig restock) {
    public DynamicsConfig {
        if (horizon == null || horizon.micros() <= 0) {
            throw new IllegalArgumentException("horizon is required: how long the market lives, such as 30d");
        }
        if (period != null && period.micros() <= 0) {
            throw new IllegalArgumentException("period must be > 0 (leave it out for no periods)");
        }
        if (period != null && period.micros() > horizon.micros()) {
            throw new IllegalArgumentException(
                    "period must be at most the horizon (" + horizon.text() + "), was " + period.text());
        }
        if (fakeReviews != null && reviews == null) {
            throw new IllegalArgumentException("fakeReviews needs a reviews section: fake reviews move the displayed"
                    + " ratings only where customers review");
        }
        if (fakeReviews != null
                && fakeReviews.sellersAreOverPromisers()
                && (quality == null || quality.overPromisers() == null)) {
            throw new IllegalArgumentException(
                    "fakeReviews.sellers: 'overPromisers' needs quality.overPromisers to choose them");
        }
        if (restock != null && restock.every() == null && period == null) {
            throw new IllegalArgumentException(
                    "restock.every is needed when there are no periods (it defaults to the period)");
        }
    }

    /** The same dynamics with other arrivals. */
    public DynamicsConfig withArrivals(ArrivalsConfig newArrivals) {
        return new DynamicsConfig(
                horizon, period, newArrivals, returns, delivery, quality, reviews, fakeReviews, restock);
    }

    /** Microseconds between period starts, 0 for no periods. */
    public long periodMicros() {
        return period == null ? 0 : period.micros();
    }

    /** Microseconds between an order's payment and its delivery. */
    public long deliveryMicros() {
        return Duration.micros(delivery, 0);
    }
}

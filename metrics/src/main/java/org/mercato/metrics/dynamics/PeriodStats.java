package org.mercato.metrics.dynamics;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One period of a market with dynamics, as {@code summary.json}'s {@code periods} lists it (money in
 * currency units, shares from 0 to 1, virtual times in microseconds). {@code arrivals}: customers
 * whose first visit began in the period; {@code visits}: visits that began in it (first and return);
 * {@code served}, {@code welfare} and {@code optimum}: of those visits, however late they paid or were
 * delivered; {@code efficiency}: welfare / optimum (null when the optimum is 0); {@code payments},
 * {@code meanPrice} (null without payments), {@code topSellerShare} (the largest seller's share of the
 * amount paid, null without payments) and {@code shareByQuality} (the amount paid to the services in
 * each band of true quality at payment time; null without payments): of the payments made in the
 * period; {@code reviews} (genuine ones written), {@code fakeReviews} (fake ones posted), {@code
 * filteredReviews} (of either kind, removed by the platform's filter): in the period; {@code
 * meanRatingByQuality}: the mean displayed rating at the end of the period of the services in each
 * band of true quality (bands without services left out).
 */
public record PeriodStats(
        int period,
        long start,
        long end,
        long arrivals,
        long visits,
        long served,
        long payments,
        BigDecimal welfare,
        BigDecimal optimum,
        Double efficiency,
        BigDecimal meanPrice,
        Double topSellerShare,
        long reviews,
        long fakeReviews,
        long filteredReviews,
        Map<String, Double> meanRatingByQuality,
        Map<String, Double> shareByQuality) {

    public PeriodStats {
        meanRatingByQuality = meanRatingByQuality == null
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(meanRatingByQuality));
        shareByQuality =
                shareByQuality == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(shareByQuality));
    }
}

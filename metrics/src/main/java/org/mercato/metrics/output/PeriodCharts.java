package org.mercato.metrics.output;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.mercato.metrics.dynamics.PeriodStats;
import org.mercato.metrics.dynamics.QualityBand;

/**
 * The report's section on a market over time, one line chart per series of {@code periods}, each
 * point at its period's start: welfare against the per-period optimum, efficiency, the share of the
 * amount paid going to the top seller and to each band of true quality, the mean displayed rating by
 * band of true quality, and the mean price paid.
 */
final class PeriodCharts {
    private static final long SECOND = 1_000_000L;
    private static final long HOUR = 3_600 * SECOND;
    private static final long DAY = 24 * HOUR;

    private PeriodCharts() {}

    /** A unit of virtual time for the x axis: days, hours or seconds, whichever the run spans two of. */
    private record TimeUnit(String name, long micros) {
        static TimeUnit spanning(long end) {
            return end >= 2 * DAY
                    ? new TimeUnit("days", DAY)
                    : end >= 2 * HOUR ? new TimeUnit("hours", HOUR) : new TimeUnit("s", SECOND);
        }
    }

    static void section(StringBuilder html, List<PeriodStats> periods) {
        if (periods == null || periods.isEmpty()) {
            return;
        }
        TimeUnit unit = TimeUnit.spanning(periods.get(periods.size() - 1).end());
        List<Double> x = new ArrayList<>();
        for (PeriodStats p : periods) {
            x.add(p.start() / (double) unit.micros());
        }
        String xTitle = "Period start (" + unit.name() + " of virtual time)";
        html.append("<h2 id=\"periods\">Over time: ").append(periods.size()).append(" periods</h2>");

        html.append("<h3>Welfare per period</h3>");
        html.append(SvgChart.traces(
                List.of(
                        new SvgChart.Trace("realized (customers)", x, money(periods, PeriodStats::welfare)),
                        new SvgChart.Trace("optimum", x, money(periods, PeriodStats::optimum))),
                "series",
                new SvgChart.Axes(xTitle, "Welfare (currency units)")));
        html.append("<p class=\"note\">Welfare of the visits that arrived in each period (value at the quality"
                + " delivered, minus what was paid), against each visit's best purchase at posted prices and true"
                + " quality.</p>");

        html.append("<h3>Efficiency per period</h3>");
        html.append(SvgChart.traces(
                List.of(new SvgChart.Trace("efficiency", x, values(periods, PeriodStats::efficiency))),
                "series",
                new SvgChart.Axes(xTitle, "Welfare / optimum (ratio)")));

        List<SvgChart.Trace> shares = new ArrayList<>();
        shares.add(new SvgChart.Trace("top seller", x, values(periods, PeriodStats::topSellerShare), SvgChart.GREY));
        for (QualityBand band : bands(periods, true)) {
            shares.add(new SvgChart.Trace(
                    "sellers with " + band.label(),
                    x,
                    values(
                            periods,
                            p -> p.shareByQuality() == null
                                    ? null
                                    : p.shareByQuality().get(band.label())),
                    colour(band)));
        }
        html.append("<h3>Who is paid: share of the amount paid per period</h3>");
        html.append(SvgChart.traces(shares, "sellers (q: true quality)", new SvgChart.Axes(xTitle, "Share (0 to 1)")));
        html.append("<p class=\"note\">The largest seller's share, and the share of the sellers in each band of"
                + " true quality at payment time (over-promisers deliver less than they list).</p>");

        List<SvgChart.Trace> ratings = new ArrayList<>();
        for (QualityBand band : bands(periods, false)) {
            ratings.add(new SvgChart.Trace(
                    "sellers with " + band.label(),
                    x,
                    values(periods, p -> p.meanRatingByQuality().get(band.label())),
                    colour(band)));
        }
        html.append("<h3>Mean displayed rating by true quality</h3>");
        html.append(SvgChart.traces(
                ratings, "sellers (q: true quality)", new SvgChart.Axes(xTitle, "Mean rating (stars)")));
        html.append(String.format(
                Locale.ROOT,
                "<p class=\"note\">The rating shoppers saw at the end of each period, averaged over the sellers"
                        + " in each band; reviews written: %s genuine, %s fake, %s removed by the filter.</p>",
                SvgChart.number(sum(periods, PeriodStats::reviews)),
                SvgChart.number(sum(periods, PeriodStats::fakeReviews)),
                SvgChart.number(sum(periods, PeriodStats::filteredReviews))));

        html.append("<h3>Mean price paid per period</h3>");
        html.append(SvgChart.traces(
                List.of(new SvgChart.Trace("mean price", x, money(periods, PeriodStats::meanPrice))),
                "series",
                new SvgChart.Axes(xTitle, "Mean payment (currency units)")));
    }

    /** One colour per band in every chart: red for low quality, orange between, green for high. */
    private static String colour(QualityBand band) {
        return switch (band) {
            case LOW -> SvgChart.RED;
            case MIDDLE -> SvgChart.ORANGE;
            case HIGH -> SvgChart.GREEN;
        };
    }

    /** The bands that appear in the shares ({@code paid}) or the ratings, in band order. */
    private static List<QualityBand> bands(List<PeriodStats> periods, boolean paid) {
        Set<String> seen = new LinkedHashSet<>();
        for (PeriodStats p : periods) {
            if (paid && p.shareByQuality() != null) {
                seen.addAll(p.shareByQuality().keySet());
            } else if (!paid) {
                seen.addAll(p.meanRatingByQuality().keySet());
            }
        }
        List<QualityBand> out = new ArrayList<>();
        for (QualityBand band : QualityBand.values()) {
            if (seen.contains(band.label())) {
                out.add(band);
            }
        }
        return out;
    }

    private static List<Double> values(List<PeriodStats> periods, Function<PeriodStats, Double> value) {
        List<Double> out = new ArrayList<>();
        periods.forEach(p -> out.add(value.apply(p)));
        return out;
    }

    private static List<Double> money(List<PeriodStats> periods, Function<PeriodStats, BigDecimal> value) {
        return values(
                periods, p -> value.apply(p) == null ? null : value.apply(p).doubleValue());
    }

    private static long sum(List<PeriodStats> periods, java.util.function.ToLongFunction<PeriodStats> value) {
        return periods.stream().mapToLong(value).sum();
    }
}

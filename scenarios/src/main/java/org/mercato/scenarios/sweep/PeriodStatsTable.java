package org.mercato.scenarios.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code period_stats} table of a sweep: a market with dynamics' per-period series, one row per
 * cell and period, a column per series. A cell's flattened metrics name them {@code
 * periods.<period>.<series>} ({@code periods.3.welfare}, {@code periods.3.meanRatingByQuality.q<0.5});
 * they stay in {@code metrics} too (a headline may name one), this table is their wide form for
 * plotting a series over time.
 */
final class PeriodStatsTable {
    static final String NAME = "period_stats";
    private static final Pattern PERIOD_METRIC = Pattern.compile("periods\\.(\\d+)\\.(.+)");

    /** Series name in the summary to column name, in column order. */
    static final Map<String, String> COLUMNS = columns();

    private PeriodStatsTable() {}

    private static Map<String, String> columns() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("start", "start_us");
        c.put("end", "end_us");
        for (String count : List.of("arrivals", "visits", "served", "payments")) {
            c.put(count, count);
        }
        c.put("welfare", "welfare");
        c.put("optimum", "optimum");
        c.put("efficiency", "efficiency");
        c.put("meanPrice", "mean_price");
        c.put("topSellerShare", "top_seller_share");
        c.put("reviews", "reviews");
        c.put("fakeReviews", "fake_reviews");
        c.put("filteredReviews", "filtered_reviews");
        Map<String, String> bands = Map.of("q<0.5", "q_lt_0_5", "0.5<=q<0.9", "q_0_5_to_0_9", "q>=0.9", "q_ge_0_9");
        for (String band : List.of("q<0.5", "0.5<=q<0.9", "q>=0.9")) {
            c.put("meanRatingByQuality." + band, "rating_" + bands.get(band));
        }
        for (String band : List.of("q<0.5", "0.5<=q<0.9", "q>=0.9")) {
            c.put("shareByQuality." + band, "share_" + bands.get(band));
        }
        return Collections.unmodifiableMap(c);
    }

    static String createSql() {
        StringBuilder sql =
                new StringBuilder("CREATE TABLE IF NOT EXISTS " + NAME + " (cell_id VARCHAR, period INTEGER");
        for (String column : COLUMNS.values()) {
            sql.append(", ").append(column).append(column.endsWith("_us") ? " BIGINT" : " DOUBLE");
        }
        return sql.append(')').toString();
    }

    static String insertSql() {
        return "INSERT INTO " + NAME + " VALUES (?, ?" + ", ?".repeat(COLUMNS.size()) + ")";
    }

    /** A cell's per-period values by period, then by series (as {@link #COLUMNS} names them). */
    static Map<Integer, Map<String, Double>> byPeriod(Map<String, Double> metrics) {
        Map<Integer, Map<String, Double>> periods = new TreeMap<>();
        for (var metric : metrics.entrySet()) {
            Matcher m = PERIOD_METRIC.matcher(metric.getKey());
            if (m.matches() && COLUMNS.containsKey(m.group(2))) {
                periods.computeIfAbsent(Integer.parseInt(m.group(1)), p -> new TreeMap<>())
                        .put(m.group(2), metric.getValue());
            }
        }
        return periods;
    }
}

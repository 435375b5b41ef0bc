package org.mercato.metrics.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Looks up a scenario's headline metrics ({@code output.headline}) by their flattened summary
 * names: the one place every display (the run's console summary, {@code report.html}, the sweep's
 * table and {@code sweep-report.html}) gets titles and values from.
 */
public final class Headlines {
    /** Where a run's headlines are looked up, for {@link #warnings}. */
    public static final String IN_RUN = "this run's summary";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Headlines() {}

    /** Each wanted metric with its title and its value in {@code values}, null where absent. */
    public static <V> List<Headline<V>> lookup(List<HeadlineMetric> wanted, Map<String, V> values) {
        List<Headline<V>> out = new ArrayList<>(wanted.size());
        for (HeadlineMetric metric : wanted) {
            out.add(new Headline<>(metric.metric(), metric.shownTitle(), values.get(metric.metric())));
        }
        return out;
    }

    /** The wanted metrics in a run's {@code summary.json} text, by its flattened names. */
    public static List<Headline<Double>> ofSummary(List<HeadlineMetric> wanted, String summaryJson) {
        if (wanted.isEmpty()) {
            return List.of();
        }
        try {
            return lookup(wanted, SummaryMetrics.flatten(JSON.readTree(summaryJson)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One warning line per missing headline: {@code headline metric 'x' is not in <where>}. */
    public static List<String> warnings(List<? extends Headline<?>> headlines, String where) {
        return headlines.stream()
                .filter(Headline::missing)
                .map(h -> missing(h.metric(), where))
                .toList();
    }

    public static String missing(String metric, String where) {
        return "headline metric '" + metric + "' is not in " + where;
    }

    /** A headline value as every display shows it. */
    public static String number(double value) {
        return Double.isNaN(value) ? "n/a" : SvgChart.number(value);
    }
}

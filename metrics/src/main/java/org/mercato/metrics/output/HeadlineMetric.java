package org.mercato.metrics.output;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One headline outcome a scenario names ({@code output.headline}): a flattened summary name such
 * as {@code market.surplus.totalWelfare}, and optionally the title to show it under. In YAML either
 * the name alone or {@code {metric: <name>, title: <title>}}; without a title, {@link #shownTitle}
 * derives one ({@link MetricTitles}).
 */
public record HeadlineMetric(String metric, String title) {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public HeadlineMetric {
        if (metric == null) {
            throw new IllegalArgumentException(
                    "metric is required: a flattened summary name such as market.surplus.totalWelfare");
        }
        if (metric.isBlank()) {
            throw new IllegalArgumentException(
                    "metric must be a flattened summary name such as" + " market.surplus.totalWelfare, was empty");
        }
        if (!metric.equals(metric.strip()) || metric.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(
                    "metric must be a flattened summary name without spaces, such as market.welfare.total, was '"
                            + metric + "'");
        }
        if (title != null && title.isBlank()) {
            throw new IllegalArgumentException("title must not be empty (leave it out for a derived title)");
        }
    }

    /** The name alone, as a plain YAML string. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static HeadlineMetric named(String metric) {
        return new HeadlineMetric(metric, null);
    }

    /** The title given, or one derived from the name. */
    public String shownTitle() {
        return title != null ? title : MetricTitles.of(metric);
    }

    /** As written: the name alone when there is no title, else {@code {metric, title}}. */
    @JsonValue
    Object written() {
        if (title == null) {
            return metric;
        }
        Map<String, String> both = new LinkedHashMap<>();
        both.put("metric", metric);
        both.put("title", title);
        return both;
    }
}

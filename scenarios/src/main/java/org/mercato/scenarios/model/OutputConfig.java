package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.mercato.metrics.output.HeadlineMetric;

/**
 * What a run writes besides events.jsonl, summary.json, scenario.resolved.yaml, report.html and
 * run.log: {@code duckdb} a results.duckdb with the events and metric tables (default true),
 * {@code csv} its tables except {@code events} as CSV under csv/ (default true), {@code parquet}
 * every table as Parquet under parquet/ (default false). Both exports need duckdb. {@code
 * baselines}: Magentic's four welfare baselines in summary.json and the report (default true; they
 * cost about customers × services work, so the million-customer market turns them off). {@code
 * logit}: what the page-choice conditional logit estimates ({@link LogitConfig}). {@code
 * headline}: the study's headline outcomes, flattened summary names shown first by the console,
 * report.html, the sweep's table and sweep-report.html ({@link HeadlineMetric}; default none).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"duckdb", "csv", "parquet", "baselines", "logit", "headline"})
public record OutputConfig(
        Boolean duckdb,
        Boolean csv,
        Boolean parquet,
        Boolean baselines,
        LogitConfig logit,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<HeadlineMetric> headline) {
    public static final OutputConfig DEFAULT = new OutputConfig(null, null, null, null, null, null);

    public OutputConfig(Boolean duckdb, Boolean csv, Boolean parquet) {
        this(duckdb, csv, parquet, null, null, null);
    }

    /** The same metrics settings and headlines, writing no tables (a sweep keeps its own). */
    public OutputConfig withoutTables() {
        return new OutputConfig(false, false, false, baselines, logit, headline);
    }

    public OutputConfig {
        duckdb = Objects.requireNonNullElse(duckdb, true);
        csv = Objects.requireNonNullElse(csv, duckdb);
        parquet = Objects.requireNonNullElse(parquet, false);
        baselines = Objects.requireNonNullElse(baselines, true);
        logit = Objects.requireNonNullElse(logit, LogitConfig.DEFAULT);
        headline = headline == null ? List.of() : List.copyOf(headline);
        if ((parquet || csv) && !duckdb) {
            throw new IllegalArgumentException("csv and parquet exports need duckdb: true");
        }
        Set<String> seen = new HashSet<>();
        for (HeadlineMetric metric : headline) {
            if (!seen.add(metric.metric())) {
                throw new IllegalArgumentException("headline names '" + metric.metric() + "' twice");
            }
        }
    }
}

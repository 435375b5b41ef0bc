package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * What a run writes besides events.jsonl, summary.json, scenario.resolved.yaml and run.log:
 * {@code duckdb} a results.duckdb with the events and metric tables (default true), {@code
 * parquet} each of its tables as Parquet under parquet/ (default false; needs duckdb).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"duckdb", "parquet"})
public record OutputConfig(Boolean duckdb, Boolean parquet) {
    public static final OutputConfig DEFAULT = new OutputConfig(null, null);

    public OutputConfig {
        duckdb = Objects.requireNonNullElse(duckdb, true);
        parquet = Objects.requireNonNullElse(parquet, false);
        if (parquet && !duckdb) {
            throw new IllegalArgumentException("parquet export needs duckdb: true");
        }
    }
}

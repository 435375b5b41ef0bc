package org.mercato.scenarios.sweep;

import java.util.Map;
import java.util.TreeMap;

/**
 * What running a cell gave: {@code ok} with its metrics (every number of summary.json by dotted path,
 * but the wall time, which lives in {@code wallMillis}), or {@code failed} with the error. {@code
 * startedMillis} is the wall clock at the start (for the record only), {@code worker} where it ran,
 * {@code cost} the LLM money of the run when its summary has a cost block.
 */
public record CellResult(
        String id,
        String status,
        Map<String, Double> metrics,
        long startedMillis,
        long wallMillis,
        String error,
        String worker,
        Double cost) {
    public static final String OK = "ok";
    public static final String FAILED = "failed";

    public CellResult {
        metrics = metrics == null ? Map.of() : new TreeMap<>(metrics);
    }

    public boolean ok() {
        return OK.equals(status);
    }
}

package org.mercato.scenarios.run;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.mercato.metrics.MarketMetrics;

/**
 * What {@code summary.json} holds: the scenario and seed, how the kernel ran, the market outcome
 * (welfare, customers served, payments, rejections by reason), virtual and wall time, and warnings
 * about the catalog (for a Magentic dataset: customers no business can serve).
 */
@JsonPropertyOrder({"scenario", "seed", "kernel", "market", "virtualTimeMicros", "wallTimeMillis", "warnings"})
public record RunSummary(
        String scenario,
        long seed,
        KernelInfo kernel,
        MarketMetrics market,
        long virtualTimeMicros,
        long wallTimeMillis,
        List<String> warnings) {
    public RunSummary {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A summary without warnings. */
    public RunSummary(
            String scenario,
            long seed,
            KernelInfo kernel,
            MarketMetrics market,
            long virtualTimeMicros,
            long wallTimeMillis) {
        this(scenario, seed, kernel, market, virtualTimeMicros, wallTimeMillis, List.of());
    }

    /** How the kernel ran: mode, threads, lookahead, windows and events per window. */
    @JsonPropertyOrder({"mode", "parallelism", "lookaheadMicros", "windows", "eventsPerWindow", "cutAtHorizon"})
    public record KernelInfo(
            String mode,
            int parallelism,
            long lookaheadMicros,
            long windows,
            double eventsPerWindow,
            long cutAtHorizon) {}
}

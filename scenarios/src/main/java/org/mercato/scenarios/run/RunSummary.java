package org.mercato.scenarios.run;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.mercato.metrics.MarketMetrics;

/**
 * What {@code summary.json} holds: the scenario and seed, how the kernel ran, the market outcome
 * (welfare, customers served, payments, rejections by reason) and virtual and wall time.
 */
@JsonPropertyOrder({"scenario", "seed", "kernel", "market", "virtualTimeMicros", "wallTimeMillis"})
public record RunSummary(
        String scenario,
        long seed,
        KernelInfo kernel,
        MarketMetrics market,
        long virtualTimeMicros,
        long wallTimeMillis) {

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

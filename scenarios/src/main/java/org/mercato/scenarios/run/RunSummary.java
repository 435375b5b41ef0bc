package org.mercato.scenarios.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.mercato.metrics.MarketMetrics;
import org.mercato.metrics.ads.AdsMetrics;
import org.mercato.metrics.strategyauction.StrategyAuctionMetrics;
import org.mercato.sim.market.search.SearchStats;

/**
 * What {@code summary.json} holds: the scenario and seed, how the kernel ran, the market outcome
 * (welfare, customers served, payments, rejections by reason), how search ran, virtual and wall
 * time, the cost of LLM agents (calls, tokens, money; only for runs with LLM groups), the sponsored
 * slots (only for runs with {@code market.ads}), the strategy auctions ({@code strategyAuction}; only
 * for runs that configure them), the agents that failed by cause ({@code failures}; only when some
 * did), and warnings: about the catalog (for a Magentic dataset: customers no business can serve),
 * then one per failure cause.
 */
@JsonPropertyOrder({
    "scenario",
    "seed",
    "kernel",
    "market",
    "search",
    "cost",
    "ads",
    "strategyAuction",
    "virtualTimeMicros",
    "wallTimeMillis",
    "failures",
    "warnings"
})
public record RunSummary(
        String scenario,
        long seed,
        KernelInfo kernel,
        MarketMetrics market,
        SearchInfo search,
        @JsonInclude(JsonInclude.Include.NON_NULL) CostInfo cost,
        @JsonInclude(JsonInclude.Include.NON_NULL) AdsMetrics ads,

        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("strategyAuction")
        StrategyAuctionMetrics strategyAuction,

        long virtualTimeMicros,
        long wallTimeMillis,
        @JsonInclude(JsonInclude.Include.NON_NULL) AgentFailures failures,
        List<String> warnings) {
    /** A summary without sponsored slots or strategy auctions. */
    public RunSummary(
            String scenario,
            long seed,
            KernelInfo kernel,
            MarketMetrics market,
            SearchInfo search,
            CostInfo cost,
            long virtualTimeMicros,
            long wallTimeMillis,
            List<String> warnings) {
        this(
                scenario,
                seed,
                kernel,
                market,
                search,
                cost,
                null,
                null,
                virtualTimeMicros,
                wallTimeMillis,
                null,
                warnings);
    }

    /** A summary of a run without LLM agents (no cost block). */
    public RunSummary(
            String scenario,
            long seed,
            KernelInfo kernel,
            MarketMetrics market,
            SearchInfo search,
            long virtualTimeMicros,
            long wallTimeMillis,
            List<String> warnings) {
        this(scenario, seed, kernel, market, search, (CostInfo) null, virtualTimeMicros, wallTimeMillis, warnings);
    }

    public RunSummary {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** The number of agents that failed (0 when none did). */
    public long failedAgents() {
        return failures == null ? 0 : failures.agents();
    }

    /**
     * The search mechanism and its ranking cache: requests (one per search action), rankings served
     * from the cache, and their ratio (null without requests). Read from the mechanism after the run,
     * not folded from events: the cache leaves no trace in the log, by design.
     */
    @JsonPropertyOrder({"mechanism", "cacheSize", "requests", "hits", "hitRate"})
    public record SearchInfo(String mechanism, int cacheSize, long requests, long hits, Double hitRate) {
        public static SearchInfo of(SearchStats stats) {
            return new SearchInfo(
                    stats.mechanism(),
                    stats.cacheSize(),
                    stats.requests(),
                    stats.hits(),
                    stats.requests() == 0 ? null : Math.round(1e6 * stats.hitRate()) / 1e6);
        }
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

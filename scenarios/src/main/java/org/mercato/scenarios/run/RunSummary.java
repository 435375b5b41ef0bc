package org.mercato.scenarios.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mercato.metrics.MarketMetrics;
import org.mercato.metrics.ads.AdsMetrics;
import org.mercato.metrics.dynamics.PeriodStats;
import org.mercato.metrics.strategyauction.StrategyAuctionMetrics;
import org.mercato.sim.market.search.EmbeddingStats;
import org.mercato.sim.market.search.SearchStats;

/**
 * What {@code summary.json} holds, built by {@link SummaryFactory}: the scenario and seed, then the
 * blocks of the fold list in its order (see {@link RunFeatures#summaryParts}), then the warnings.
 * Today: the run's condition ({@code --set} overrides and scenario hash, {@link RunCondition}), how the kernel ran, the market outcome (welfare, customers served, payments, rejections by
 * reason), how search ran, the per-period series ({@code periods}; only for markets with periods), the cost of LLM agents (only for runs with LLM groups), the sponsored
 * slots ({@code ads}; only for runs with {@code market.ads}), the strategy auctions ({@code
 * strategyAuction}; only for runs that configure them), virtual and wall time, the agents that
 * failed by cause ({@code failures}; only when some did), and warnings: about the catalog (for a
 * Magentic dataset: customers no business can serve), then one per failure cause. The typed
 * accessors read the blocks the CLI and the sweep use; {@link #block} reads any.
 */
public final class RunSummary {
    static final String SCENARIO = "scenario";
    static final String SEED = "seed";
    static final String CONDITION = "condition";
    static final String KERNEL = "kernel";
    static final String MARKET = "market";
    static final String SEARCH = "search";
    static final String PERIODS = "periods";
    static final String COST = "cost";
    static final String ADS = "ads";
    static final String STRATEGY_AUCTION = "strategyAuction";
    static final String VIRTUAL_TIME = "virtualTimeMicros";
    static final String WALL_TIME = "wallTimeMillis";
    static final String FAILURES = "failures";
    static final String WARNINGS = "warnings";

    private final Map<String, Object> blocks;

    RunSummary(Map<String, Object> blocks) {
        this.blocks = Collections.unmodifiableMap(new LinkedHashMap<>(blocks));
    }

    /** Every block by key, in {@code summary.json}'s order. */
    @JsonValue
    public Map<String, Object> blocks() {
        return blocks;
    }

    /** The block under {@code key}, or null when the summary has none. */
    public Object block(String key) {
        return blocks.get(key);
    }

    public String scenario() {
        return (String) blocks.get(SCENARIO);
    }

    public long seed() {
        return (Long) blocks.get(SEED);
    }

    /** The overrides and scenario hash; null for a summary written before the block existed. */
    public RunCondition condition() {
        return (RunCondition) blocks.get(CONDITION);
    }

    public KernelInfo kernel() {
        return (KernelInfo) blocks.get(KERNEL);
    }

    public MarketMetrics market() {
        return (MarketMetrics) blocks.get(MARKET);
    }

    public SearchInfo search() {
        return (SearchInfo) blocks.get(SEARCH);
    }

    /** The per-period series; null for a market without periods. */
    @SuppressWarnings("unchecked")
    public List<PeriodStats> periods() {
        return (List<PeriodStats>) blocks.get(PERIODS);
    }

    /** Null for a run without LLM groups. */
    public CostInfo cost() {
        return (CostInfo) blocks.get(COST);
    }

    /** Null for a run without {@code market.ads}. */
    public AdsMetrics ads() {
        return (AdsMetrics) blocks.get(ADS);
    }

    /** Null for a run without strategy auctions. */
    public StrategyAuctionMetrics strategyAuction() {
        return (StrategyAuctionMetrics) blocks.get(STRATEGY_AUCTION);
    }

    public long virtualTimeMicros() {
        return (Long) blocks.get(VIRTUAL_TIME);
    }

    public long wallTimeMillis() {
        return (Long) blocks.get(WALL_TIME);
    }

    /** Null when no agent failed. */
    public AgentFailures failures() {
        return (AgentFailures) blocks.get(FAILURES);
    }

    @SuppressWarnings("unchecked")
    public List<String> warnings() {
        return (List<String>) blocks.getOrDefault(WARNINGS, List.of());
    }

    /** The number of agents that failed (0 when none did). */
    public long failedAgents() {
        AgentFailures failures = failures();
        return failures == null ? 0 : failures.agents();
    }

    /**
     * The search mechanism and its ranking cache: requests (one per search action), rankings served
     * from the cache, and their ratio (null without requests); for the semantic mechanisms, what
     * embedding cost ({@code embedding}, left out for the others). Read from the mechanism after the
     * run, not folded from events: the cache leaves no trace in the log, by design.
     */
    @JsonPropertyOrder({"mechanism", "cacheSize", "requests", "hits", "hitRate", "embedding"})
    public record SearchInfo(
            String mechanism,
            int cacheSize,
            long requests,
            long hits,
            Double hitRate,
            @JsonInclude(JsonInclude.Include.NON_NULL) EmbeddingInfo embedding) {
        public static SearchInfo of(SearchStats stats) {
            return new SearchInfo(
                    stats.mechanism(),
                    stats.cacheSize(),
                    stats.requests(),
                    stats.hits(),
                    stats.requests() == 0 ? null : Math.round(1e6 * stats.hitRate()) / 1e6,
                    stats.embedding() == null ? null : EmbeddingInfo.of(stats.embedding()));
        }
    }

    /**
     * The embedding model and how many texts it embedded (services of the market, distinct query
     * texts): a function of scenario and seed. {@code cost} is not: where the vectors came from
     * (computed, the process's memory cache, the disk cache) and the milliseconds spent depend on
     * what earlier runs left behind.
     */
    @JsonPropertyOrder({"model", "dimensions", "services", "queries", "cost"})
    public record EmbeddingInfo(String model, int dimensions, long services, long queries, EmbeddingCost cost) {
        static EmbeddingInfo of(EmbeddingStats stats) {
            EmbeddingStats.Cost cost = stats.cost();
            return new EmbeddingInfo(
                    stats.model(),
                    stats.dimensions(),
                    stats.services(),
                    stats.queries(),
                    new EmbeddingCost(cost.computed(), cost.memoryHits(), cost.diskHits(), cost.millis()));
        }
    }

    @JsonPropertyOrder({"computed", "memoryHits", "diskHits", "millis"})
    public record EmbeddingCost(long computed, long memoryHits, long diskHits, long millis) {}

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

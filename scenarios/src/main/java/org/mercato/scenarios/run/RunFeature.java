package org.mercato.scenarios.run;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * One optional capability of a run (the core market, LLM agents, agents and listings, ads, strategy
 * auctions, ...), as one unit: what it wires into the simulation, which blocks it adds to {@code
 * summary.json} (folds over the event log, and facts only the live run knows), what it runs after
 * the market and what it closes. {@link RunFeatures#create} lists the features; a new one is one
 * class and one line there. From outside the project (a plugin jar, an embedding program), list the
 * class in {@code META-INF/services/org.mercato.scenarios.run.RunFeature}: it needs a public
 * no-argument constructor, runs after the built-ins, and its summary keys must differ from theirs.
 * A feature object lives for one run (or one {@code mercato report}); the
 * runner calls its hooks in this order, each over every feature in list order, and holds no feature's
 * branch. Every hook does nothing by default.
 */
public interface RunFeature {
    /** Wires what the scenario asks of this feature into the market: catalog, agents, kernel, ads. */
    default void wireMarket(MarketWiring market) {}

    /**
     * After every feature wired its part: what depends on the others' (search on the final catalog,
     * kernel settings for the model calls the agents make, warnings about the catalog).
     */
    default void completeMarket(MarketWiring market) {}

    /** Before a real run (not when a scenario is only checked): what runs after the market. */
    default void prepareRun(MarketWiring market) throws IOException {}

    /**
     * Once the run's folder exists, just before the market runs: what runs beside it (the gateway of
     * outside agents and their processes, which {@link #close} stops). A problem that keeps the run
     * from starting is a {@link RunStartException}.
     */
    default void startRun(RunStart start) throws IOException {}

    /**
     * After the market's last event: more events in the same log and virtual time, numbered on
     * ({@link AfterMarket#sinks()} are the log and every fold).
     */
    default void afterMarket(AfterMarket next) throws IOException {}

    /** Once the run is over, even when it failed: releases what the feature holds (model providers). */
    default void close() {}

    /** After a run that succeeded, before its summary: more work for the summary (a counterfactual run). */
    default void afterRun(LiveRun run) {}

    /**
     * The blocks this feature adds to {@code summary.json}, in their order there: {@link SummaryFold}s
     * over the log (the same in a live run and in {@code mercato report}) and {@link RunFact}s.
     */
    default List<SummaryPart> summaryParts(SummaryContext context) {
        return List.of();
    }

    /**
     * Failed agents this feature can explain, by {@code <reason>: <cause>} (the {@code llm-error}
     * causes of model calls, the {@code external-} ones of outside agents); see {@link AgentFailures}.
     */
    default Map<String, Long> failureCauses() {
        return Map.of();
    }
}

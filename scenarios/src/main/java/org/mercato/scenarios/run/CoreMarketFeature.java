package org.mercato.scenarios.run;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mercato.embeddings.MiniLmEmbedder;
import org.mercato.metrics.dynamics.PeriodFold;
import org.mercato.scenarios.keys.KeyPath;
import org.mercato.scenarios.keys.WiringException;
import org.mercato.scenarios.model.DynamicsConfig;
import org.mercato.scenarios.model.KernelConfig;
import org.mercato.scenarios.model.KernelMode;
import org.mercato.scenarios.model.MarketConfig;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.model.SearchConfig;
import org.mercato.sim.KernelSettings;
import org.mercato.sim.market.SearchSettings;
import org.mercato.sim.market.search.CachedSearch;
import org.mercato.sim.market.search.MarketVersion;
import org.mercato.sim.market.search.SearchMechanisms;

/**
 * The market every run has: the catalog ({@link CatalogFactory}; warnings about it), the kernel
 * settings, search (a fresh mechanism over the final catalog, behind its ranking cache, see {@link
 * CachedSearch}), presentation and reveal. Its blocks: {@code kernel} (how the kernel ran), {@code
 * market} (the market metrics, see {@link MarketFold}), {@code search} (the ranking cache, and for
 * the semantic mechanisms what embedding cost; the model, {@link MiniLmEmbedder}, loads only for them) and, for
 * a market with periods only, {@code periods} (the per-period series, see {@link PeriodFold}).
 */
public final class CoreMarketFeature implements RunFeature {
    @Override
    public void wireMarket(MarketWiring market) {
        Scenario scenario = market.scenario();
        market.catalog(CatalogFactory.catalog(scenario));
        market.kernel(kernel(scenario));
        market.presentation(
                scenario.market().presentation().toModel(),
                scenario.market().reveal().toModel());
    }

    @Override
    public void completeMarket(MarketWiring market) {
        Scenario scenario = market.scenario();
        MarketConfig config = scenario.market();
        SearchConfig search = config.search();
        market.search(
                SearchMechanisms.create(
                        wiredMechanism(search.mechanism(), market.environment()),
                        market.catalog().services(),
                        scenario.seed(),
                        new MarketVersion(),
                        search.cacheSizeOrDefault(),
                        search.semanticSettings(),
                        MiniLmEmbedder::shared),
                new SearchSettings(search.pageSize(), search.pageLimit(), search.revealPrices()));
        CatalogFactory.warnings(scenario, market.catalog()).forEach(market::warn);
    }

    /**
     * The mechanism to wire: the scenario's, but when a scenario is only checked (validate, the
     * report's catalog) a semantic one stands in as {@code lexical}, whose index needs no model:
     * checking would otherwise embed every service of the market.
     */
    private static String wiredMechanism(String mechanism, RunEnvironment environment) {
        return !environment.modelCalls() && EMBEDDING_MECHANISMS.contains(mechanism) ? "lexical" : mechanism;
    }

    private static final Set<String> EMBEDDING_MECHANISMS = Set.of("semantic", "hybrid");

    @Override
    public List<SummaryPart> summaryParts(SummaryContext context) {
        return List.of(
                RunFact.orNull("kernel", RunSummary.KernelInfo.class, CoreMarketFeature::kernelInfo),
                new MarketFold(context),
                RunFact.orNull(
                        "search",
                        RunSummary.SearchInfo.class,
                        run -> run.setup().search() instanceof CachedSearch search
                                ? RunSummary.SearchInfo.of(search.stats())
                                : null),
                periods());
    }

    /** The per-period series of a market with dynamics; left out when the log has no period. */
    private static SummaryFold periods() {
        PeriodFold fold = new PeriodFold();
        return SummaryFold.over(RunSummary.PERIODS, fold, source -> fold.result());
    }

    private static RunSummary.KernelInfo kernelInfo(LiveRun run) {
        KernelSettings kernel = run.setup().kernel();
        return new RunSummary.KernelInfo(
                kernel.mode().name().toLowerCase(Locale.ROOT),
                kernel.parallelism(),
                run.stats().lookahead(),
                run.stats().windows(),
                Math.round(run.stats().eventsPerWindow() * 100) / 100.0,
                run.stats().cutAtHorizon());
    }

    /**
     * The kernel settings a scenario asks for (before the model calls' adjustments, see {@link
     * LlmFeature}); a market that lives over time runs to its own horizon ({@code
     * market.dynamics.horizon}), and a different {@code kernel.horizon} is refused.
     */
    public static KernelSettings kernel(Scenario scenario) {
        KernelConfig k = scenario.kernel();
        DynamicsConfig dynamics = scenario.market().dynamics();
        if (dynamics != null
                && k.horizon() != null
                && k.horizon().micros() != dynamics.horizon().micros()) {
            throw new WiringException(
                    KeyPath.of("kernel", "horizon"),
                    "is " + k.horizon().text() + " but market.dynamics.horizon is "
                            + dynamics.horizon().text() + "; give the horizon once, in market.dynamics");
        }
        return new KernelSettings(
                scenario.seed(),
                k.networkDelayMicros(),
                dynamics != null ? dynamics.horizon().micros() : k.horizonMicros(),
                k.parallelismOrDefault(),
                k.modeOrDefault() == KernelMode.BARE ? KernelSettings.Mode.BARE : KernelSettings.Mode.ACTORS,
                Boolean.TRUE.equals(k.rolling()));
    }
}

package org.mercato.scenarios.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.mercato.metrics.FailureFold;
import org.mercato.metrics.MarketMetrics;

/**
 * The features of a run, in the order they wire the market and list their blocks in {@code
 * summary.json}: a new feature is one class and one line in {@link #create()}. A plugin's feature
 * (a researcher's own fold, from outside this project) is a {@link RunFeature} listed in {@code
 * META-INF/services/org.mercato.scenarios.run.RunFeature} on the classpath; it comes after the
 * built-ins.
 */
public final class RunFeatures {
    private static final String VIRTUAL_TIME = "virtualTimeMicros";
    private static final String WALL_TIME = "wallTimeMillis";

    private RunFeatures() {}

    /** Fresh features for one run (or one {@code mercato report}): the built-ins, then the plugins'. */
    static List<RunFeature> create() {
        List<RunFeature> features = new ArrayList<>(List.of(
                new CoreMarketFeature(),
                new DynamicsFeature(),
                new LlmFeature(),
                new ExternalFeature(),
                new AgentsAndListingsFeature(),
                new AdsFeature(),
                new StrategyAuctionFeature(),
                new PricingFeature()));
        features.addAll(plugins());
        return List.copyOf(features);
    }

    /**
     * A fresh instance of every {@link RunFeature} that {@link ServiceLoader} finds (through the
     * thread's context class loader), by class name, so the order of their blocks in {@code
     * summary.json} never depends on the order of the classpath.
     */
    static List<RunFeature> plugins() {
        List<RunFeature> found = new ArrayList<>();
        ServiceLoader.load(RunFeature.class).forEach(found::add);
        found.sort(Comparator.comparing(feature -> feature.getClass().getName()));
        return found;
    }

    /**
     * The fold list: every block of {@code summary.json} after the scenario and seed, in order; the
     * same for a live run and for {@code mercato report}. The run's condition (overrides and scenario
     * hash), the features' blocks, then the run's own: virtual and wall time and the failed agents.
     */
    static List<SummaryPart> summaryParts(List<RunFeature> features, SummaryContext context) {
        List<SummaryPart> parts = new ArrayList<>();
        parts.add(RunFact.of(RunSummary.CONDITION, RunCondition.class, LiveRun::condition));
        Set<String> keys = new HashSet<>(Set.of(
                RunSummary.SCENARIO,
                RunSummary.SEED,
                RunSummary.WARNINGS,
                RunSummary.FAILURES,
                VIRTUAL_TIME,
                WALL_TIME,
                RunSummary.CONDITION));
        for (RunFeature feature : features) {
            for (SummaryPart part : feature.summaryParts(context)) {
                // a block written twice would silently lose one (a plugin's fold named like a built-in)
                if (!keys.add(part.key())) {
                    throw new IllegalStateException("summary.json block '" + part.key() + "' of "
                            + feature.getClass().getName() + " is already written by another feature: rename it");
                }
                parts.add(part);
            }
        }
        parts.add(RunFact.of(VIRTUAL_TIME, Long.class, run -> run.stats().virtualTime())
                .rereadAs(source -> source.old() != null && source.old().has(VIRTUAL_TIME)
                        ? source.old().get(VIRTUAL_TIME).asLong()
                        : source.block("market", MarketMetrics.class).lastEventTime()));
        parts.add(RunFact.of(WALL_TIME, Long.class, LiveRun::wallMillis)
                .rereadAs(source ->
                        source.old() == null ? 0L : source.old().path(WALL_TIME).asLong()));
        FailureFold failed = new FailureFold();
        // the causes as the features explain them (or the old summary in mercato report)
        parts.add(SummaryFold.over(
                RunSummary.FAILURES, failed, source -> AgentFailures.of(failed.byReason(), source.failureCauses())));
        return parts;
    }

    /** The folds among {@code parts}. */
    static List<SummaryFold> folds(List<SummaryPart> parts) {
        return parts.stream()
                .filter(SummaryFold.class::isInstance)
                .map(SummaryFold.class::cast)
                .toList();
    }
}

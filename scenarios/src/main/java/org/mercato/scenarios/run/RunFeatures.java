package org.mercato.scenarios.run;

import java.util.ArrayList;
import java.util.List;
import org.mercato.metrics.FailureFold;
import org.mercato.metrics.MarketMetrics;

/**
 * The features of a run, in the order they wire the market and list their blocks in {@code
 * summary.json}: a new feature is one class and one line in {@link #create()}.
 */
public final class RunFeatures {
    private RunFeatures() {}

    /** Fresh features for one run (or one {@code mercato report}). */
    static List<RunFeature> create() {
        return List.of(
                new CoreMarketFeature(),
                new LlmFeature(),
                new AgentsAndListingsFeature(),
                new AdsFeature(),
                new StrategyAuctionFeature());
    }

    /**
     * The fold list: every block of {@code summary.json} after the scenario and seed, in order; the
     * same for a live run and for {@code mercato report}. The run's condition (overrides and scenario
     * hash), the features' blocks, then the run's own: virtual and wall time and the failed agents.
     */
    static List<SummaryPart> summaryParts(List<RunFeature> features, SummaryContext context) {
        List<SummaryPart> parts = new ArrayList<>();
        parts.add(RunFact.of(RunSummary.CONDITION, RunCondition.class, LiveRun::condition));
        features.forEach(feature -> parts.addAll(feature.summaryParts(context)));
        parts.add(RunFact.of("virtualTimeMicros", Long.class, run -> run.stats().virtualTime())
                .rereadAs(source -> source.old() != null && source.old().has("virtualTimeMicros")
                        ? source.old().get("virtualTimeMicros").asLong()
                        : source.block("market", MarketMetrics.class).lastEventTime()));
        parts.add(RunFact.of("wallTimeMillis", Long.class, LiveRun::wallMillis)
                .rereadAs(source -> source.old() == null
                        ? 0L
                        : source.old().path("wallTimeMillis").asLong()));
        FailureFold failed = new FailureFold();
        // the llm-error causes as the features explain them (or the old summary in mercato report)
        parts.add(SummaryFold.over(
                "failures", failed, source -> AgentFailures.of(failed.byReason(), source.failureCauses())));
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

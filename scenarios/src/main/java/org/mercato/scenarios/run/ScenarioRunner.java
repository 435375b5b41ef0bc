package org.mercato.scenarios.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.mercato.agents.PolicyRegistry;
import org.mercato.metrics.FailureFold;
import org.mercato.metrics.MarketMetrics;
import org.mercato.metrics.MetricsCollector;
import org.mercato.metrics.MetricsSettings;
import org.mercato.metrics.ads.AdsFold;
import org.mercato.metrics.ads.AdsMetrics;
import org.mercato.metrics.live.LiveMetrics;
import org.mercato.metrics.output.DuckDbResults;
import org.mercato.metrics.output.HeadlineMetric;
import org.mercato.metrics.output.Headlines;
import org.mercato.metrics.output.HtmlReport;
import org.mercato.metrics.strategyauction.StrategyAuctionFold;
import org.mercato.scenarios.load.ScenarioYaml;
import org.mercato.scenarios.model.Scenario;
import org.mercato.sim.KernelSettings;
import org.mercato.sim.Simulation;
import org.mercato.sim.SimulationSetup;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.JsonlEventWriter;
import org.mercato.sim.kernel.KernelListener;
import org.mercato.sim.kernel.KernelStats;
import org.mercato.sim.market.search.CachedSearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a scenario into a fresh folder {@code <root>/<name>-<timestamp>/} holding {@code
 * events.jsonl}, {@code summary.json}, {@code scenario.resolved.yaml} and {@code run.log}. Each file
 * is written under a temporary name and renamed when complete. Warnings about the catalog go to
 * the log (and so to {@code run.log}) and into the summary. In the actor kernel the live metrics
 * run in a {@link org.mercato.metrics.live.MetricsActor} fed window by window ({@link
 * LiveMetrics}); the bare loop folds directly on its one thread. Both use the folds {@code mercato
 * report} runs over the saved log.
 */
public final class ScenarioRunner {
    private static final Logger log = LoggerFactory.getLogger(ScenarioRunner.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final PolicyRegistry registry;
    private final Path outputRoot;
    private final KernelListener listener;
    private final UnaryOperator<String> env;

    public ScenarioRunner(PolicyRegistry registry, Path outputRoot, KernelListener listener) {
        this(registry, outputRoot, listener, System::getenv);
    }

    /** {@code env} looks up environment variables (the API keys of LLM groups). */
    public ScenarioRunner(
            PolicyRegistry registry, Path outputRoot, KernelListener listener, UnaryOperator<String> env) {
        this.registry = registry;
        this.outputRoot = outputRoot;
        this.listener = listener;
        this.env = env;
    }

    public RunResult run(Scenario scenario) throws IOException {
        ScenarioWiring wiring = new ScenarioWiring(registry, env);
        SimulationSetup setup = wiring.setup(scenario);
        StrategyAuctions auctions = scenario.market().strategyAuction() == null
                ? null
                : StrategyAuctions.wire(scenario.market().strategyAuction(), setup.catalog(), scenario.seed(), wiring);
        List<LlmGroup> llmGroups = wiring.llmGroups();
        List<String> warnings = CatalogFactory.warnings(scenario, setup.catalog());
        Path folder = newFolder(outputRoot, scenario.name(), LocalDateTime.now());
        try (RunLog runLog = new RunLog(folder.resolve("run.log"));
                InterruptedRunCleanup ignored = new InterruptedRunCleanup(scenario.name(), folder, runLog)) {
            try {
                return runAndLog(scenario, folder, setup, warnings, llmGroups, auctions, wiring);
            } catch (IOException | RuntimeException e) {
                // first free what the failed write took (a full disk), then say so in run.log
                AtomicFiles.deleteTemporaries(folder, runLog.temporary());
                if (e instanceof RunWriteException) {
                    log.error("run {} failed: {}", scenario.name(), e.getMessage());
                }
                throw e;
            }
        } finally {
            AtomicFiles.deleteTemporaries(folder, null);
        }
    }

    private RunResult runAndLog(
            Scenario scenario,
            Path folder,
            SimulationSetup setup,
            List<String> warnings,
            List<LlmGroup> llmGroups,
            StrategyAuctions auctions,
            ScenarioWiring wiring)
            throws IOException {
        writeOutput(folder.resolve("scenario.resolved.yaml"), ScenarioYaml.write(scenario));
        log.info(
                "run {} seed {}: {} customers, {} services, mode {}, parallelism {}",
                scenario.name(),
                scenario.seed(),
                setup.catalog().customers().size(),
                setup.catalog().services().size(),
                setup.kernel().mode(),
                setup.kernel().parallelism());
        warnings.forEach(warning -> log.warn("{}", warning));
        RunResult result = runInto(folder, scenario, setup, warnings, llmGroups, auctions, wiring);
        log.info(
                "run {} finished: {} events in {} windows",
                scenario.name(),
                result.summary().market().events(),
                result.summary().kernel().windows());
        RunSummary.SearchInfo search = result.summary().search();
        if (search != null) {
            log.info(
                    "search {}: {} requests, {} rankings from the cache",
                    search.mechanism(),
                    search.requests(),
                    search.hits());
        }
        CostInfo cost = result.summary().cost();
        if (cost != null) {
            log.info(
                    "llm: {} calls over HTTP, {} from the cache, {} failed; {} input and {} output tokens; {} agents"
                            + " ended with llm-error",
                    cost.httpCalls(),
                    cost.cachedCalls(),
                    cost.failedCalls(),
                    cost.inputTokens(),
                    cost.outputTokens(),
                    cost.agentsEndedLlmError());
        }
        AgentFailures failures = result.summary().failures();
        if (failures != null) {
            log.warn("FAILED: {}", failures.headline());
            failures.warnings().forEach(warning -> log.warn("{}", warning));
        }
        return result;
    }

    private RunResult runInto(
            Path folder,
            Scenario scenario,
            SimulationSetup setup,
            List<String> warnings,
            List<LlmGroup> llmGroups,
            StrategyAuctions auctions,
            ScenarioWiring wiring)
            throws IOException {
        Path events = folder.resolve("events.jsonl");
        Path temporary = AtomicFiles.temporaryFor(events);
        WatchedOutputStream out;
        try {
            out = new WatchedOutputStream(Files.newOutputStream(temporary));
        } catch (IOException e) {
            throw RunWriteException.of(events, e);
        }
        MetricsSettings settings = metricsSettings(scenario);
        StrategyAuctionFold saleFold = new StrategyAuctionFold();
        FailureFold failed = new FailureFold();
        AdsFold ads = setup.ads() == null ? null : new AdsFold();
        long started = System.nanoTime();
        KernelStats stats;
        MarketMetrics market;
        try (out;
                JsonlEventWriter writer = new JsonlEventWriter(out)) {
            if (setup.kernel().mode() == KernelSettings.Mode.ACTORS) {
                try (LiveMetrics live = LiveMetrics.start(settings)) {
                    stats = simulate(
                            scenario, setup, writer, live, failed, ads, saleFold, auctions, (time, recorded) -> {
                                live.windowDone(time, recorded);
                                listener.windowDone(time, recorded);
                            });
                    market = live.metrics();
                }
            } else {
                MetricsCollector metrics = new MetricsCollector(settings);
                stats = simulate(scenario, setup, writer, metrics, failed, ads, saleFold, auctions, listener);
                market = metrics.metrics();
            }
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(temporary);
            if (out.failure() != null) {
                throw RunWriteException.of(events, out.failure());
            }
            log.error("run {} failed: {}", scenario.name(), e.toString());
            throw e;
        } finally {
            // before the cost block: unused speculative answers count as wasted
            wiring.closeProviders();
        }
        try {
            AtomicFiles.moveIntoPlace(temporary, events);
        } catch (IOException e) {
            throw RunWriteException.of(events, e);
        }
        long wallMillis = (System.nanoTime() - started) / 1_000_000;
        List<LlmGroup> costed = new ArrayList<>(llmGroups);
        AdsMetrics adsBlock = ads == null ? null : adsMetrics(scenario, ads, market, costed);
        AgentFailures failures = AgentFailures.of(failed.byReason(), llmCauses(llmGroups));
        RunSummary summary = new RunSummary(
                scenario.name(),
                scenario.seed(),
                new RunSummary.KernelInfo(
                        setup.kernel().mode().name().toLowerCase(java.util.Locale.ROOT),
                        setup.kernel().parallelism(),
                        stats.lookahead(),
                        stats.windows(),
                        Math.round(stats.eventsPerWindow() * 100) / 100.0,
                        stats.cutAtHorizon()),
                market,
                setup.search() instanceof CachedSearch search ? RunSummary.SearchInfo.of(search.stats()) : null,
                CostInfo.of(costed, scenario.prices()),
                adsBlock,
                auctions == null ? null : saleFold.result(),
                stats.virtualTime(),
                wallMillis,
                failures,
                withFailures(warnings, failures));
        String json = summaryJson(summary);
        writeOutput(folder.resolve("summary.json"), json);
        writeOutput(
                folder.resolve("report.html"),
                report(summary, events, scenario.output().headline()));
        if (scenario.output().duckdb()) {
            try {
                DuckDbResults.write(
                        folder,
                        events,
                        json,
                        scenario.output().csv(),
                        scenario.output().parquet());
            } catch (IOException e) {
                // DuckDbResults deleted its temporaries and said what, where and why in one line
                throw new RunWriteException(e.getMessage(), e);
            }
        }
        return new RunResult(folder, events, summary);
    }

    /** The run's {@code report.html}, opening with its failures when agents failed, then its headlines. */
    static String report(RunSummary summary, Path events, List<HeadlineMetric> headline) throws IOException {
        AgentFailures failures = summary.failures();
        return HtmlReport.render(
                "Mercato run " + summary.scenario() + " (seed " + summary.seed() + ")",
                summary.market(),
                events,
                summary.ads(),
                summary.strategyAuction(),
                failures == null ? null : "FAILED: " + failures.headline(),
                failures == null ? List.of() : failures.warnings(),
                Headlines.ofSummary(headline, summaryJson(summary)));
    }

    /** The failure causes the LLM groups recorded, summed over groups. */
    private static Map<String, Long> llmCauses(List<LlmGroup> groups) {
        Map<String, Long> causes = new TreeMap<>();
        groups.forEach(
                g -> g.client().usage().failureCauses().forEach((cause, n) -> causes.merge(cause, n, Long::sum)));
        return causes;
    }

    /** {@code warnings}, then one per failure cause. */
    static List<String> withFailures(List<String> warnings, AgentFailures failures) {
        List<String> out = new ArrayList<>(warnings);
        if (failures != null) {
            out.addAll(failures.warnings());
        }
        return out;
    }

    /**
     * Baselines as the scenario's {@code output.baselines} says, drawn with its seed, and the logit
     * its {@code output.logit} asks for.
     */
    static MetricsSettings metricsSettings(Scenario scenario) {
        MetricsSettings settings = scenario.output().baselines()
                ? MetricsSettings.withBaselines(scenario.seed())
                : MetricsSettings.NO_BASELINES;
        return settings.withLogit(scenario.output().logit().spec());
    }

    /**
     * The market, then the strategy auctions if any (after the market's last event, numbered on
     * from it), into the log, the metrics and the ads fold.
     */
    private static KernelStats simulate(
            Scenario scenario,
            SimulationSetup setup,
            EventSink writer,
            EventSink metrics,
            FailureFold failed,
            AdsFold ads,
            StrategyAuctionFold saleFold,
            StrategyAuctions auctions,
            KernelListener listener)
            throws IOException {
        List<EventSink> sinks = new ArrayList<>(List.of(writer, metrics, failed));
        if (ads != null) {
            sinks.add(ads);
        }
        LogTail tail = auctions == null ? null : new LogTail();
        if (tail != null) {
            sinks.add(tail);
        }
        KernelStats stats = Simulation.run(setup, sinks, listener);
        if (auctions != null) {
            long interval = scenario.market().strategyAuction().interval().micros();
            auctions.run(tail.lastTime() + interval, tail.nextSeq(), List.of(writer, metrics, saleFold));
        }
        return stats;
    }

    /**
     * The ads block; with {@code market.ads.counterfactual}, the same scenario and seed also run
     * without ads (metrics only, nothing written) for the welfare difference; its model calls are
     * added to {@code costed} as groups marked "(counterfactual)", so the cost block counts them.
     */
    private AdsMetrics adsMetrics(Scenario scenario, AdsFold ads, MarketMetrics withAds, List<LlmGroup> costed) {
        AdsMetrics result = ads.result();
        if (!scenario.market().ads().counterfactual()) {
            return result;
        }
        Scenario without = new Scenario(
                scenario.name(),
                scenario.description(),
                scenario.seed(),
                scenario.kernel(),
                scenario.market().withoutAds(),
                scenario.agents(),
                scenario.prices(),
                scenario.output(),
                scenario.sweep());
        MetricsCollector baseline = new MetricsCollector(MetricsSettings.NO_BASELINES);
        ScenarioWiring wiring = new ScenarioWiring(registry, env);
        try {
            Simulation.run(wiring.setup(without), List.of(baseline), KernelListener.NONE);
        } finally {
            wiring.closeProviders();
        }
        wiring.llmGroups()
                .forEach(g -> costed.add(
                        new LlmGroup(g.role(), g.index(), g.policy() + " (counterfactual)", g.agents(), g.client())));
        log.info("counterfactual run without ads finished");
        return result.withCounterfactual(AdsMetrics.Counterfactual.of(
                withAds.surplus().totalWelfare(), baseline.metrics().surplus().totalWelfare()));
    }

    public static String summaryJson(RunSummary summary) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a whole output file in place (temporary file, then rename), or fails with what, where and why. */
    private static void writeOutput(Path target, String content) throws RunWriteException {
        try {
            AtomicFiles.writeString(target, content);
        } catch (IOException e) {
            throw RunWriteException.of(target, e);
        }
    }

    /**
     * A new folder {@code <root>/<name>-<timestamp>[-n]} that this run alone owns: created with an
     * atomic create-if-absent, so two runs started in the same second (or a killed run's folder with
     * its leftovers) never share one.
     */
    static Path newFolder(Path outputRoot, String name, LocalDateTime now) throws IOException {
        try {
            Files.createDirectories(outputRoot);
        } catch (IOException e) {
            throw RunWriteException.of(outputRoot, e);
        }
        String base = name + "-" + now.format(STAMP);
        for (int n = 1; ; n++) {
            Path folder = outputRoot.resolve(n == 1 ? base : base + "-" + n);
            try {
                return Files.createDirectory(folder);
            } catch (FileAlreadyExistsException taken) {
                // an earlier or concurrent run has it: try the next number
            } catch (IOException e) {
                throw RunWriteException.of(folder, e);
            }
        }
    }
}

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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.mercato.agents.PolicyRegistry;
import org.mercato.agents.transcript.TranscriptRecorder;
import org.mercato.metrics.MetricsSettings;
import org.mercato.metrics.output.EventTimeline;
import org.mercato.metrics.output.HeadlineMetric;
import org.mercato.metrics.output.Headlines;
import org.mercato.metrics.output.HtmlReport;
import org.mercato.metrics.output.ReportCondition;
import org.mercato.metrics.output.ResultTables;
import org.mercato.metrics.pricing.PricingMetrics;
import org.mercato.scenarios.load.ScenarioYaml;
import org.mercato.scenarios.model.Scenario;
import org.mercato.sim.KernelSettings;
import org.mercato.sim.Simulation;
import org.mercato.sim.SimulationSetup;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.JsonlEventWriter;
import org.mercato.sim.kernel.KernelListener;
import org.mercato.sim.kernel.KernelStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a scenario into a fresh folder {@code <root>/<name>[-<label>]-<timestamp>/} holding {@code
 * events.jsonl}, {@code summary.json}, {@code report.html}, {@code scenario.resolved.yaml} and
 * {@code run.log}. Each file is written under a temporary name and renamed when complete. The run is
 * assembled from its features ({@link WiredRun}, {@link RunFeature}); the runner runs the market into
 * the log and the fold list ({@link RunFeatures#summaryParts}: the same folds {@code mercato report}
 * runs over the saved log; in the actor kernel the market fold feeds the live metrics actor), lets
 * the features run after the market and close, and writes the summary {@link SummaryFactory} builds.
 * Warnings about the catalog go to the log (and so to {@code run.log}) and into the summary.
 */
public final class ScenarioRunner {
    /** The run folder's file of model turns and outside agents' turns. */
    public static final String TRANSCRIPTS = "transcripts.jsonl";

    private static final Logger log = LoggerFactory.getLogger(ScenarioRunner.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final RunEnvironment environment;
    private final Path outputRoot;
    private final KernelListener listener;

    public ScenarioRunner(PolicyRegistry registry, Path outputRoot, KernelListener listener) {
        this(registry, outputRoot, listener, System::getenv);
    }

    /** {@code env} looks up environment variables (the API keys of LLM groups). */
    public ScenarioRunner(
            PolicyRegistry registry, Path outputRoot, KernelListener listener, UnaryOperator<String> env) {
        this.environment = new RunEnvironment(registry, env, true);
        this.outputRoot = outputRoot;
        this.listener = listener;
    }

    public RunResult run(Scenario scenario) throws IOException {
        return run(scenario, List.of());
    }

    /**
     * Runs {@code scenario}, loaded with the {@code --set} {@code overrides} given (recorded in the
     * summary's {@code condition} block, and naming the folder and the report: {@link RunCondition}).
     */
    public RunResult run(Scenario scenario, List<String> overrides) throws IOException {
        RunCondition condition = RunCondition.of(scenario, overrides);
        if (scenario.output().duckdb()) {
            ResultTables.preload();
        }
        try (WiredRun wired = WiredRun.wire(scenario, environment)) {
            wired.prepareRun();
            Path folder = newFolder(outputRoot, scenario.name(), condition.label(), LocalDateTime.now());
            try (RunLog runLog = new RunLog(folder.resolve("run.log"));
                    InterruptedRunCleanup ignored = new InterruptedRunCleanup(scenario.name(), folder, runLog)) {
                try {
                    return runAndLog(scenario, condition, folder, wired);
                } catch (IOException | RuntimeException e) {
                    // first free what the failed write took (a full disk), then say so in run.log
                    AtomicFiles.deleteTemporaries(folder, runLog.temporary());
                    if (e instanceof RunWriteException || e instanceof RunStartException) {
                        log.error("run {} failed: {}", scenario.name(), e.getMessage());
                    }
                    throw e;
                }
            } finally {
                AtomicFiles.deleteTemporaries(folder, null);
            }
        }
    }

    private RunResult runAndLog(Scenario scenario, RunCondition condition, Path folder, WiredRun wired)
            throws IOException {
        SimulationSetup setup = wired.setup();
        writeOutput(folder.resolve("scenario.resolved.yaml"), ScenarioYaml.write(scenario));
        log.info(
                "run {} seed {}: {} customers, {} services, mode {}, parallelism {}",
                scenario.name(),
                scenario.seed(),
                setup.catalog().customers().size(),
                setup.catalog().services().size(),
                setup.kernel().mode(),
                setup.kernel().parallelism());
        wired.warnings().forEach(warning -> log.warn("{}", warning));
        RunStart start = new RunStart(folder, this::notice);
        for (RunFeature feature : wired.features()) {
            feature.startRun(start);
        }
        RunResult result = runInto(folder, scenario, condition, wired);
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
            if (cost.images() != null) {
                log.info("llm: {} page images shown, {} estimated image tokens", cost.images(), cost.imageTokens());
            }
        }
        AgentFailures failures = result.summary().failures();
        if (failures != null) {
            log.warn("FAILED: {}", failures.headline());
            failures.warnings().forEach(warning -> log.warn("{}", warning));
        }
        return result;
    }

    private RunResult runInto(Path folder, Scenario scenario, RunCondition condition, WiredRun wired)
            throws IOException {
        SimulationSetup setup = wired.setup();
        Path events = folder.resolve("events.jsonl");
        Path temporary = AtomicFiles.temporaryFor(events);
        WatchedOutputStream out;
        try {
            out = new WatchedOutputStream(Files.newOutputStream(temporary));
        } catch (IOException e) {
            throw RunWriteException.of(events, e);
        }
        boolean actors = setup.kernel().mode() == KernelSettings.Mode.ACTORS;
        List<SummaryPart> parts =
                RunFeatures.summaryParts(wired.features(), new SummaryContext(true, metricsSettings(scenario), actors));
        List<SummaryFold> folds = RunFeatures.folds(parts);
        ResultTables tables = null;
        try {
            if (scenario.output().duckdb()) {
                tables = openTables(folder, scenario, setup);
            }
            long started = System.nanoTime();
            EventTimeline timeline = new EventTimeline();
            KernelStats stats;
            try (out;
                    JsonlEventWriter writer = new JsonlEventWriter(out, tables)) {
                stats = simulate(setup, writer, timeline, folds, wired.features());
                if (tables != null) {
                    // every event is in: the tables commit while the summary and the report are built
                    tables.endOfLog();
                }
                long logged = stats.events();
                phase("summary", "events", () -> logged);
                folds.forEach(SummaryFold::endOfLog);
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(temporary);
                if (out.failure() != null) {
                    throw RunWriteException.of(events, out.failure());
                }
                log.error("run {} failed: {}", scenario.name(), e.toString());
                throw e;
            } finally {
                // before the cost block: unused speculative answers count as wasted
                wired.close();
            }
            try {
                AtomicFiles.moveIntoPlace(temporary, events);
            } catch (IOException e) {
                throw RunWriteException.of(events, e);
            }
            writeTranscripts(folder, wired.transcripts());
            long wallMillis = (System.nanoTime() - started) / 1_000_000;
            LiveRun run = new LiveRun(scenario, condition, environment, setup, stats, wallMillis);
            wired.features().forEach(feature -> feature.afterRun(run));
            Map<String, Long> causes = new TreeMap<>();
            wired.features()
                    .forEach(feature ->
                            feature.failureCauses().forEach((cause, n) -> causes.merge(cause, n, Long::sum)));
            RunSummary summary = SummaryFactory.build(
                    scenario.name(), scenario.seed(), parts, SummarySource.live(run, causes), wired.warnings());
            String json = summaryJson(summary);
            AtomicLong files = new AtomicLong();
            ResultTables written = tables;
            if (written == null) {
                phase("writing", "files", files::get);
            } else {
                phase("writing", "rows", written::rowsWritten);
            }
            writeOutput(folder.resolve("summary.json"), json);
            files.incrementAndGet();
            writeOutput(folder.resolve("report.html"), report(summary, timeline, scenario));
            files.incrementAndGet();
            if (tables != null) {
                try {
                    tables.finish(json);
                } catch (IOException e) {
                    // ResultTables deleted its temporaries and said what, where and why in one line
                    throw new RunWriteException(e.getMessage(), e);
                }
            }
            return new RunResult(folder, events, summary);
        } finally {
            if (tables != null) {
                tables.close();
            }
            folds.forEach(SummaryFold::close);
        }
    }

    /**
     * The result tables, written while the market runs ({@code results.duckdb}, and csv/ and
     * parquet/ as the scenario's output section asks), with the catalog's columns. A failure to
     * write them, from opening on, is thrown by {@link ResultTables#finish}.
     */
    private static ResultTables openTables(Path folder, Scenario scenario, SimulationSetup setup) {
        return ResultTables.open(
                folder,
                () -> RunCatalogs.of(scenario, setup.catalog()),
                scenario.output().csv(),
                scenario.output().parquet());
    }

    /** A line for the user's console (when the listener shows one) and for run.log. */
    private void notice(String line) {
        log.info("{}", line);
        if (listener instanceof RunProgress progress) {
            progress.notice(line);
        }
    }

    private void phase(String name, String unit, LongSupplier done) {
        if (listener instanceof RunProgress progress) {
            progress.phase(name, unit, done);
        }
    }

    /**
     * The run's {@code report.html}: titled with the scenario, the condition's label and the seed;
     * its failures when agents failed, then the condition (scenario, seed, overrides, scenario hash),
     * then the headlines {@code scenario} names and the charts, the logit coefficients its shoppers
     * planted marked ({@code scenario} null: no headlines, nothing marked); its timeline from the
     * time of every event.
     */
    static String report(RunSummary summary, EventTimeline timeline, Scenario scenario) {
        AgentFailures failures = summary.failures();
        RunCondition condition = summary.condition();
        String label = condition == null || condition.label().isEmpty() ? "" : " [" + condition.label() + "]";
        List<HeadlineMetric> headline =
                scenario == null ? List.of() : scenario.output().headline();
        PlantedLogit planted = PlantedLogit.of(scenario, summary.market().choiceLogit());
        HtmlReport.Page page = new HtmlReport.Page(
                "Mercato run " + summary.scenario() + label + " (seed " + summary.seed() + ")",
                failures == null ? null : "FAILED: " + failures.headline(),
                failures == null ? List.of() : failures.warnings(),
                new ReportCondition(
                        summary.scenario(),
                        summary.seed(),
                        condition == null ? null : condition.overrides(),
                        condition == null ? null : condition.scenarioHash()),
                Headlines.ofSummary(headline, summaryJson(summary)),
                planted.byCovariate(),
                planted.by());
        return HtmlReport.render(
                page,
                summary.market(),
                timeline,
                summary.ads(),
                summary.strategyAuction(),
                summary.periods(),
                summary.block("pricing") instanceof PricingMetrics pricing ? pricing : null);
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
     * The market into the log and every fold, then what features run after it (the strategy
     * auctions: after the market's last event, numbered on from it).
     */
    private KernelStats simulate(
            SimulationSetup setup,
            EventSink writer,
            EventTimeline timeline,
            List<SummaryFold> folds,
            List<RunFeature> features)
            throws IOException {
        List<EventSink> sinks = new ArrayList<>();
        sinks.add(writer);
        sinks.add(timeline);
        sinks.addAll(folds);
        LogTail tail = new LogTail();
        KernelListener windows = (time, recorded) -> {
            folds.forEach(fold -> fold.windowDone(time, recorded));
            listener.windowDone(time, recorded);
        };
        List<EventSink> market = new ArrayList<>(sinks);
        market.add(tail);
        KernelStats stats = Simulation.run(setup, market, windows);
        // each feature numbers on from where the log ended, the market's or an earlier feature's events
        sinks.add(tail);
        for (RunFeature feature : features) {
            feature.afterMarket(new AfterMarket(tail.lastTime(), tail.nextSeq(), List.copyOf(sinks), this::phase));
        }
        return stats;
    }

    public static String summaryJson(RunSummary summary) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a whole output file in place (temporary file, then rename), or fails with what, where and why. */
    /** {@code transcripts.jsonl}, in its deterministic order, when some turn was taken (else no file). */
    private static void writeTranscripts(Path folder, TranscriptRecorder transcripts) throws RunWriteException {
        if (transcripts.size() > 0) {
            writeOutput(folder.resolve(TRANSCRIPTS), transcripts.text());
        }
    }

    private static void writeOutput(Path target, String content) throws RunWriteException {
        try {
            AtomicFiles.writeString(target, content);
        } catch (IOException e) {
            throw RunWriteException.of(target, e);
        }
    }

    /**
     * A new folder {@code <root>/<name>[-<label>]-<timestamp>[-n]} that this run alone owns (the
     * label of its overrides, {@link RunCondition#label()}, none without): created with an atomic
     * create-if-absent, so two runs started in the same second (or a killed run's folder with its
     * leftovers) never share one.
     */
    static Path newFolder(Path outputRoot, String name, String label, LocalDateTime now) throws IOException {
        try {
            Files.createDirectories(outputRoot);
        } catch (IOException e) {
            throw RunWriteException.of(outputRoot, e);
        }
        String base = name + (label.isEmpty() ? "" : "-" + label) + "-" + now.format(STAMP);
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

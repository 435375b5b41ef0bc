package org.mercato.scenarios.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.mercato.agents.PolicyRegistry;
import org.mercato.metrics.output.SummaryMetrics;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.AgentFailures;
import org.mercato.scenarios.run.CostInfo;
import org.mercato.scenarios.run.PlantedLogit;
import org.mercato.scenarios.run.RunResult;
import org.mercato.scenarios.run.ScenarioRunner;
import org.mercato.sim.kernel.KernelListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one cell through {@link ScenarioRunner}, with the cell's condition (the sweep's {@code --set}
 * and the cell's levels, recorded in the summary's {@code condition} block), and flattens its
 * summary.json into metrics. The run goes into {@code <keep>/<cell id>/<scenario>-<label>-<time>/},
 * named like a labelled {@code mercato run}, when runs are kept, else into a scratch folder deleted
 * afterwards; either way without the per-run DuckDB and CSV files (the sweep has its own). Any
 * failure becomes a {@code failed} result with the error: a cell never throws. A run in which agents
 * failed is a failed cell too (with its metrics, and its causes as the error), unless its scenario
 * sets {@code agents.acceptFailures: true}.
 */
public final class CellRunner {
    private static final Logger log = LoggerFactory.getLogger(CellRunner.class);
    private final PolicyRegistry registry;
    private final Path keepRuns;
    private final String worker;

    /** {@code keepRuns} null runs in scratch folders; {@code worker} names this node in the results. */
    public CellRunner(PolicyRegistry registry, Path keepRuns, String worker) {
        this.registry = registry;
        this.keepRuns = keepRuns;
        this.worker = worker;
    }

    public CellResult run(String id, Scenario scenario) {
        return run(id, scenario, List.of());
    }

    /** Runs a cell whose condition is {@code overrides} ({@code KEY=VALUE} texts, as {@code --set} takes). */
    public CellResult run(String id, Scenario scenario, List<String> overrides) {
        long startedMillis = System.currentTimeMillis();
        long started = System.nanoTime();
        Path folder = null;
        try {
            folder = keepRuns != null ? fresh(keepRuns.resolve(id)) : Files.createTempDirectory("mercato-cell-");
            RunResult result =
                    new ScenarioRunner(registry, folder, KernelListener.NONE).run(forRun(scenario), overrides);
            Map<String, Double> metrics =
                    SummaryMetrics.flatten(new ObjectMapper().readTree(ScenarioRunner.summaryJson(result.summary())));
            metrics.remove("wallTimeMillis");
            // the condition is the cell's levels, in the cells table: not an outcome
            metrics.keySet().removeIf(name -> name.startsWith("condition."));
            // what logit shoppers planted, for the report's coefficient table beside the fitted values
            PlantedLogit.of(scenario, result.summary().market().choiceLogit())
                    .byCovariate()
                    .forEach((covariate, value) -> metrics.put(PlantedLogit.METRIC + covariate, value));
            CostInfo cost = result.summary().cost();
            AgentFailures failures = result.summary().failures();
            boolean failed = failures != null && !scenario.agents().acceptsFailures();
            if (failed) {
                log.warn("cell {} failed: {}", id, failedAgents(failures));
            }
            return new CellResult(
                    id,
                    failed ? CellResult.FAILED : CellResult.OK,
                    metrics,
                    startedMillis,
                    millisSince(started),
                    failed ? failedAgents(failures) : null,
                    worker,
                    cost == null ? null : cost.money());
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            log.warn("cell {} failed: {}", id, e.toString());
            return new CellResult(
                    id, CellResult.FAILED, Map.of(), startedMillis, millisSince(started), describe(e), worker, null);
        } finally {
            if (keepRuns == null && folder != null) {
                deleteQuietly(folder);
            }
        }
    }

    private static Scenario forRun(Scenario s) {
        return s.withoutSweep(s.output().withoutTables());
    }

    /** "3 agents failed: 3 agents ended with llm-error: openai gpt-4o-mini HTTP 401 Unauthorized; ...". */
    static String failedAgents(AgentFailures failures) {
        return failures.headline() + ": " + String.join("; ", failures.warnings());
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        String name = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + message.strip();
    }

    private static Path fresh(Path folder) throws IOException {
        deleteQuietly(folder);
        return Files.createDirectories(folder);
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("cannot delete {}: {}", folder, e.toString());
        }
    }
}

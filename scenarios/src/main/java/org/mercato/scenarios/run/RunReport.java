package org.mercato.scenarios.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mercato.agents.PolicyRegistry;
import org.mercato.metrics.MetricsSettings;
import org.mercato.metrics.output.DuckDbResults;
import org.mercato.metrics.output.EventTimeline;
import org.mercato.metrics.output.RunCatalog;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.model.OutputConfig;
import org.mercato.scenarios.model.Scenario;
import org.mercato.sim.events.EventReader;

/**
 * Recomputes a run folder's {@code summary.json} and {@code report.html} from its {@code
 * events.jsonl} with the fold list of a live run ({@link RunFeatures#summaryParts}) and the same
 * {@link SummaryFactory}, the failed agents included (the causes of {@code llm-error} failures come
 * from the old summary). What the events cannot tell (the {@link RunFact}s: the kernel's statistics,
 * the search cache, the cost, virtual and wall time, the ads counterfactual; catalog warnings, the
 * scenario name and seed) is carried over from the folder's existing {@code summary.json};
 * Magentic's baselines are computed when {@code scenario.resolved.yaml} does not turn them off,
 * with the summary's seed. Without a summary, the name and seed come from
 * {@code scenario.resolved.yaml} (else the folder name and 0), the virtual time is the last
 * event's, kernel and search are null, wall time 0, and a warning says so.
 */
public final class RunReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunReport() {}

    /** A {@code summary.json} that cannot be read. */
    public static final class BadSummaryException extends RuntimeException {
        BadSummaryException(String message) {
            super(message);
        }
    }

    /** What {@link #rewrite} recomputed, and the files and folders it wrote, in order. */
    public record Rewritten(RunSummary summary, List<Path> written) {
        public Rewritten {
            written = List.copyOf(written);
        }
    }

    /**
     * Reads the log, recomputes the summary and writes it, {@code report.html} and, as the run's own
     * {@code output} settings in {@code scenario.resolved.yaml} ask, {@code results.duckdb}, {@code
     * csv/} and {@code parquet/} ({@link DuckDbResults}; no tables without that file). Each is written
     * in place (temporary file, then rename); a failed write is a {@link RunWriteException} and leaves
     * that file as it was.
     */
    public static Rewritten rewrite(Path folder) throws IOException {
        Scenario scenario = scenario(folder);
        RunSummary summary = recompute(folder, scenario);
        Path events = folder.resolve("events.jsonl");
        Path target = folder.resolve("summary.json");
        String json = ScenarioRunner.summaryJson(summary);
        String report = ScenarioRunner.report(summary, EventTimeline.read(events), scenario);
        List<Path> written = new ArrayList<>();
        try {
            AtomicFiles.writeString(target, json);
            written.add(target);
            target = folder.resolve("report.html");
            AtomicFiles.writeString(target, report);
            written.add(target);
        } catch (IOException e) {
            throw RunWriteException.of(target, e);
        }
        if (scenario != null && scenario.output().duckdb()) {
            OutputConfig output = scenario.output();
            try {
                written.add(
                        DuckDbResults.write(folder, events, json, catalog(scenario), output.csv(), output.parquet()));
            } catch (IOException e) {
                // DuckDbResults deleted its temporaries and said what, where and why in one line
                throw new RunWriteException(e.getMessage(), e);
            }
            if (output.csv()) {
                written.add(folder.resolve("csv"));
            }
            if (output.parquet()) {
                written.add(folder.resolve("parquet"));
            }
        }
        return new Rewritten(summary, written);
    }

    /**
     * The catalog columns of the customers and services tables, which the log does not carry: the
     * resolved scenario wired again without model calls (its catalog is seeded per entity, so the
     * same). A description a model rewrote ({@code rewrite: llm}) is the one before the rewrite.
     */
    private static RunCatalog catalog(Scenario scenario) {
        try (WiredRun wired = WiredRun.wire(scenario, RunEnvironment.withoutModelCalls(PolicyRegistry.withPlugins()))) {
            return RunCatalogs.of(scenario, wired.setup().catalog());
        }
    }

    /** The folder's {@code scenario.resolved.yaml}, null without it. */
    private static Scenario scenario(Path folder) {
        Path resolved = folder.resolve("scenario.resolved.yaml");
        return Files.isRegularFile(resolved) ? ScenarioLoader.load(resolved, List.of()) : null;
    }

    public static RunSummary recompute(Path folder) throws IOException {
        return recompute(folder, scenario(folder));
    }

    private static RunSummary recompute(Path folder, Scenario scenario) throws IOException {
        Path previous = folder.resolve("summary.json");
        JsonNode old = null;
        if (Files.isRegularFile(previous)) {
            try {
                old = JSON.readTree(previous.toFile());
            } catch (JsonProcessingException e) {
                throw new BadSummaryException(previous + ": not JSON: " + e.getOriginalMessage());
            }
            if (old == null || !old.isObject()) {
                throw new BadSummaryException(previous + ": not a JSON object");
            }
        }
        long seed = old != null ? old.path("seed").asLong() : scenario != null ? scenario.seed() : 0;
        // the settings the run used (baselines, logit), so the recomputed summary matches it
        MetricsSettings settings =
                scenario != null ? ScenarioRunner.metricsSettings(scenario) : MetricsSettings.withBaselines(seed);
        List<SummaryPart> parts =
                RunFeatures.summaryParts(RunFeatures.create(), new SummaryContext(false, settings, false));
        List<SummaryFold> folds = RunFeatures.folds(parts);
        EventReader.read(folder.resolve("events.jsonl"), event -> folds.forEach(fold -> fold.accept(event)));
        folds.forEach(SummaryFold::endOfLog);
        if (old == null) {
            String name = scenario != null
                    ? scenario.name()
                    : folder.toAbsolutePath().normalize().getFileName().toString();
            return SummaryFactory.build(
                    name,
                    seed,
                    parts,
                    SummarySource.reread(null),
                    List.of("summary.json was missing: kernel, search and wall time are unknown"));
        }
        try {
            SummarySource source = SummarySource.reread(old);
            List<String> warnings = old.has("warnings")
                    ? new ArrayList<>(List.of(JSON.treeToValue(old.get("warnings"), String[].class)))
                    : new ArrayList<>();
            AgentFailures before = source.carried("failures", AgentFailures.class);
            if (before != null) {
                // the failure warnings are written anew, from the recomputed failures
                warnings.removeAll(before.warnings());
            }
            return SummaryFactory.build(text(old, "scenario"), seed, parts, source, warnings);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new BadSummaryException(previous + ": " + CliText.oneLine(e.getMessage()));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** One-line messages. */
    private static final class CliText {
        static String oneLine(String text) {
            return text == null ? "" : text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        }
    }
}

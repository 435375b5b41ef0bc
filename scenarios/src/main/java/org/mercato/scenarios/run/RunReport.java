package org.mercato.scenarios.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mercato.metrics.FailureFold;
import org.mercato.metrics.MetricsCollector;
import org.mercato.metrics.MetricsSettings;
import org.mercato.metrics.ads.AdsFold;
import org.mercato.metrics.ads.AdsMetrics;
import org.mercato.metrics.output.HeadlineMetric;
import org.mercato.metrics.strategyauction.StrategyAuctionFold;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.model.Scenario;
import org.mercato.sim.events.EventReader;

/**
 * Recomputes a run folder's {@code summary.json} and {@code report.html} from its {@code
 * events.jsonl} with the folds of a live run ({@link MetricsCollector}), the failed agents included
 * ({@link FailureFold}; the causes of {@code llm-error} failures come from the old summary). What the events cannot tell (the kernel's statistics, the
 * search cache, virtual and wall time, catalog warnings, the scenario name and seed) is carried
 * over from the folder's existing {@code summary.json};
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

    /**
     * Reads the log, recomputes the summary and writes it and {@code report.html} in place
     * (temporary file, then rename); a failed write is a {@link RunWriteException} and leaves the
     * old files as they were.
     */
    public static RunSummary rewrite(Path folder) throws IOException {
        RunSummary summary = recompute(folder);
        Path target = folder.resolve("summary.json");
        String report = ScenarioRunner.report(summary, folder.resolve("events.jsonl"), headline(folder));
        try {
            AtomicFiles.writeString(target, ScenarioRunner.summaryJson(summary));
            target = folder.resolve("report.html");
            AtomicFiles.writeString(target, report);
        } catch (IOException e) {
            throw RunWriteException.of(target, e);
        }
        return summary;
    }

    /** The headline metrics {@code scenario.resolved.yaml} names, none without it. */
    private static List<HeadlineMetric> headline(Path folder) {
        Path resolved = folder.resolve("scenario.resolved.yaml");
        return Files.isRegularFile(resolved)
                ? ScenarioLoader.load(resolved).output().headline()
                : List.of();
    }

    public static RunSummary recompute(Path folder) throws IOException {
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
        Path resolved = folder.resolve("scenario.resolved.yaml");
        Scenario scenario = Files.isRegularFile(resolved) ? ScenarioLoader.load(resolved, List.of()) : null;
        long seed = old != null ? old.path("seed").asLong() : scenario != null ? scenario.seed() : 0;
        // the settings the run used (baselines, logit), so the recomputed summary matches it
        MetricsCollector metrics = new MetricsCollector(
                scenario != null ? ScenarioRunner.metricsSettings(scenario) : MetricsSettings.withBaselines(seed));
        StrategyAuctionFold sale = new StrategyAuctionFold();
        AdsFold adsFold = new AdsFold();
        FailureFold failed = new FailureFold();
        EventReader.read(folder.resolve("events.jsonl"), event -> {
            metrics.accept(event);
            sale.accept(event);
            adsFold.accept(event);
            failed.accept(event);
        });
        var market = metrics.metrics();
        AdsMetrics ads = adsFold.sawAds() ? adsFold.result() : null;
        if (old != null) {
            try {
                // the causes of llm-error failures are not in the log: the old summary's explain the log's count
                AgentFailures before = convert(old, "failures", AgentFailures.class);
                AgentFailures failures =
                        AgentFailures.of(failed.byReason(), before == null ? Map.of() : before.llmCauses());
                List<String> warnings = old.has("warnings")
                        ? new ArrayList<>(List.of(JSON.treeToValue(old.get("warnings"), String[].class)))
                        : new ArrayList<>();
                if (before != null) {
                    warnings.removeAll(before.warnings());
                }
                return new RunSummary(
                        text(old, "scenario"),
                        seed,
                        convert(old, "kernel", RunSummary.KernelInfo.class),
                        market,
                        convert(old, "search", RunSummary.SearchInfo.class),
                        convert(old, "cost", CostInfo.class),
                        ads == null ? null : ads.withCounterfactual(counterfactual(old)),
                        sale.result(),
                        old.has("virtualTimeMicros")
                                ? old.get("virtualTimeMicros").asLong()
                                : market.lastEventTime(),
                        old.path("wallTimeMillis").asLong(),
                        failures,
                        ScenarioRunner.withFailures(warnings, failures));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new BadSummaryException(previous + ": " + CliText.oneLine(e.getMessage()));
            }
        }
        String name = scenario != null
                ? scenario.name()
                : folder.toAbsolutePath().normalize().getFileName().toString();
        List<String> warnings = new ArrayList<>();
        warnings.add("summary.json was missing: kernel, search and wall time are unknown");
        AgentFailures failures = AgentFailures.of(failed.byReason(), Map.of());
        return new RunSummary(
                name,
                seed,
                null,
                market,
                null,
                null,
                ads,
                sale.result(),
                market.lastEventTime(),
                0,
                failures,
                ScenarioRunner.withFailures(warnings, failures));
    }

    /** A counterfactual cannot be recomputed from one log: it is carried over from the old summary. */
    private static AdsMetrics.Counterfactual counterfactual(JsonNode old) throws JsonProcessingException {
        JsonNode value = old.path("ads").get("counterfactual");
        return value == null || value.isNull() ? null : JSON.treeToValue(value, AdsMetrics.Counterfactual.class);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static <T> T convert(JsonNode node, String field, Class<T> type) throws JsonProcessingException {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : JSON.treeToValue(value, type);
    }

    /** One-line messages. */
    private static final class CliText {
        static String oneLine(String text) {
            return text == null ? "" : text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        }
    }
}

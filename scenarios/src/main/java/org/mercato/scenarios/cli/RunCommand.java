package org.mercato.scenarios.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.mercato.agents.PolicyRegistry;
import org.mercato.metrics.MarketMetrics;
import org.mercato.metrics.dynamics.PeriodStats;
import org.mercato.metrics.output.Headline;
import org.mercato.metrics.output.HeadlineMetric;
import org.mercato.metrics.output.Headlines;
import org.mercato.scenarios.load.ScenarioException;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.model.KernelMode;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.AgentFailures;
import org.mercato.scenarios.run.RunResult;
import org.mercato.scenarios.run.RunStartException;
import org.mercato.scenarios.run.RunSummary;
import org.mercato.scenarios.run.RunWriteException;
import org.mercato.scenarios.run.ScenarioRunner;
import org.mercato.scenarios.validate.ScenarioValidator;
import org.mercato.sim.kernel.LocalActorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mercato run FILE [--set KEY=VALUE]... [--out DIR] [--quiet] [--accept-failures]}. Exits 1
 * when agents failed, unless failures are accepted; the failures open the console summary.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = MercatoCli.Version.class,
        description = {
            "Run a scenario and write its run folder.",
            "The folder <DIR>/<name>[-<label>]-<timestamp>/ (label: a short form of the --set overrides) holds"
                    + " events.jsonl, summary.json, scenario.resolved.yaml and run.log.",
            "It also holds report.html and the result tables, written while the market runs: results.duckdb"
                    + " (events, customers, services, searches, impressions, messages, proposals, payments,"
                    + " rejections, metrics) and csv/<table>.csv; parquet/ on request. Switch them with --set"
                    + " output.duckdb=true|false, output.csv=..., output.parquet=... (defaults true, as duckdb,"
                    + " false). Every file and column: docs/data.md."
        })
final class RunCommand extends CliCommand {
    @Mixin
    ScenarioOptions scenario = new ScenarioOptions();

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "runs",
            description = "Where run folders go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = {"-q", "--quiet"},
            description = "Print only the run folder's path.")
    boolean quiet;

    @Option(
            names = "--accept-failures",
            description =
                    "Exit 0 even if agents failed (ended with llm-error, a limit: or an external- reason); the failures are still"
                            + " reported. The scenario key agents.acceptFailures: true does the same.")
    boolean acceptFailures;

    @Option(
            names = "--progress",
            negatable = true,
            description = "Show a progress line on stderr once a run takes longer than a second"
                    + " (default: when the console is a terminal).")
    Boolean progress;

    @Override
    int execute() {
        LocalActorConfig.preload(); // overlaps with loading the scenario
        PolicyRegistry registry = PolicyRegistry.withPlugins();
        ScenarioLoader.Loaded read = scenario.read();
        // before validating: that wires the market, which for a large one is worth doing only once
        if (CompilerChoice.restartWithBoth(read.scenario())) {
            return CompilerChoice.WANTS_OPTIMISING_COMPILER;
        }
        Scenario loaded = ScenarioValidator.validated(read, registry);
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ScenarioException("--out " + out, "exists and is not a directory");
        }
        if (!quiet) {
            out().println(header(loaded));
            out().flush();
        }
        RunResult result;
        int warnings;
        boolean showProgress = !quiet && (progress != null ? progress : System.console() != null);
        try (ConsoleLogging logging = ConsoleLogging.divert();
                ProgressDisplay display = new ProgressDisplay(err(), showProgress)) {
            try {
                result = new ScenarioRunner(registry, out, display).run(loaded, scenario.overrides);
            } finally {
                warnings = logging.warnings();
            }
        } catch (RunWriteException | RunStartException e) {
            // what could not be written or started, where and why: no exception class to show
            return error(FAILED, "run failed: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            return error(FAILED, "run failed: " + describe(e));
        }
        Path folder = shown(result.folder());
        AgentFailures failures = result.summary().failures();
        boolean accepted = acceptFailures || loaded.agents().acceptsFailures();
        if (quiet) {
            out().println(folder);
        } else {
            out().print(failures(failures, accepted)
                    + headlines(loaded.output().headline(), result.summary())
                    + summary(result.summary(), folder, warnings));
        }
        out().flush();
        if (failures != null && !accepted) {
            return error(
                    FAILED,
                    failures.headline() + " (see above and run.log); to accept failed agents, rerun with"
                            + " --accept-failures or set agents.acceptFailures: true");
        }
        return OK;
    }

    /** The failed agents, first and loud: a headline, then one line per cause; empty when none failed. */
    static String failures(AgentFailures failures, boolean accepted) {
        if (failures == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(
                (accepted ? "FAILED (accepted): " : "FAILED: ") + failures.headline() + System.lineSeparator());
        failures.warnings().forEach(line -> out.append("  ").append(line).append(System.lineSeparator()));
        return out.toString();
    }

    /**
     * The scenario's headline metrics, title and value, with a warning line for each one missing
     * from the summary; empty when the scenario names none.
     */
    static String headlines(List<HeadlineMetric> wanted, RunSummary summary) {
        List<Headline<Double>> headlines = Headlines.ofSummary(wanted, ScenarioRunner.summaryJson(summary));
        if (headlines.isEmpty()) {
            return "";
        }
        int width = headlines.stream().mapToInt(h -> h.title().length()).max().orElse(0);
        StringBuilder out = new StringBuilder("Headline" + System.lineSeparator());
        for (Headline<Double> h : headlines) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %-" + width + "s  %s%n",
                    h.title(),
                    h.missing() ? "missing" : Headlines.number(h.value())));
        }
        Headlines.warnings(headlines, Headlines.IN_RUN)
                .forEach(w -> out.append("  warning: ").append(w).append(System.lineSeparator()));
        return out.toString();
    }

    static String header(Scenario scenario) {
        KernelMode mode = scenario.kernel().modeOrDefault();
        return "Running " + scenario.name() + " (seed " + scenario.seed() + "): "
                + Format.count(ScenarioOptions.customers(scenario)) + " customers, "
                + Format.count(ScenarioOptions.services(scenario)) + " services, mode "
                + mode.name().toLowerCase(java.util.Locale.ROOT)
                + (mode == KernelMode.ACTORS
                        ? ", parallelism " + scenario.kernel().parallelismOrDefault()
                        : "");
    }

    /** The shopping market's outcome: welfare, customers, payments and rejections. */
    private static void shoppingLines(StringBuilder out, MarketMetrics m) {
        MarketMetrics.Welfare w = m.welfare();
        line(
                out,
                "welfare",
                Format.money(w.total()) + " of " + Format.money(w.optimal()) + " optimal, efficiency "
                        + (w.efficiency() == null ? "n/a" : Format.percent(w.efficiency())));
        line(
                out,
                "customers",
                Format.count(m.customersServed()) + " of " + Format.count(m.customers()) + " served, "
                        + Format.count(m.customersPaying()) + " paying");
        line(
                out,
                "payments",
                Format.count(m.payments().count()) + ", total "
                        + Format.money(m.payments().amount()));
        line(out, "rejections", rejections(m.rejections()));
    }

    static String summary(RunSummary summary, Path folder, int warnings) {
        MarketMetrics m = summary.market();
        StringBuilder out = new StringBuilder();
        if (m.customers() == 0) {
            // a run of an analytic engine alone (pricing under logit demand) has no shopping market
            line(out, "market", "no customers: no shopping market ran");
        } else {
            shoppingLines(out, m);
        }
        List<PeriodStats> periods = summary.periods();
        if (periods != null && !periods.isEmpty()) {
            PeriodStats first = periods.get(0);
            PeriodStats last = periods.get(periods.size() - 1);
            line(
                    out,
                    "periods",
                    Format.count(periods.size()) + ", efficiency "
                            + (first.efficiency() == null ? "n/a" : Format.percent(first.efficiency()))
                            + " in the first, "
                            + (last.efficiency() == null ? "n/a" : Format.percent(last.efficiency()))
                            + " in the last (summary.json: periods)");
        }
        RunSummary.KernelInfo k = summary.kernel();
        line(
                out,
                "events",
                Format.count(m.events()) + " in " + Format.count(k.windows()) + " windows"
                        + (k.cutAtHorizon() > 0 ? ", " + Format.count(k.cutAtHorizon()) + " cut at the horizon" : ""));
        // the kernel's clock stops at the last message or timer it applied, which may come long
        // after the last event (an idle agent's patience running out, say)
        line(
                out,
                "market time",
                "last event at " + Format.virtual(m.lastEventTime()) + ", clock stopped at "
                        + Format.virtual(summary.virtualTimeMicros()) + " (last message or timer)");
        line(out, "wall time", Format.wall(summary.wallTimeMillis()));
        RunSummary.SearchInfo search = summary.search();
        if (search != null && search.embedding() != null) {
            line(out, "embeddings", embeddings(search.embedding()));
        }
        if (warnings > 0) {
            line(out, "warnings", warnings + " logged, see run.log");
        }
        line(out, "run folder", folder.toString());
        return out.toString();
    }

    /** What the semantic mechanisms' embeddings cost: texts, where their vectors came from, time. */
    static String embeddings(RunSummary.EmbeddingInfo e) {
        RunSummary.EmbeddingCost cost = e.cost();
        return Format.count(e.services()) + " services and " + Format.count(e.queries()) + " queries by " + e.model()
                + ": " + Format.count(cost.computed()) + " computed, " + Format.count(cost.memoryHits())
                + " from memory, " + Format.count(cost.diskHits()) + " from disk, in " + Format.wall(cost.millis());
    }

    private static String rejections(Map<String, Long> byReason) {
        long total = byReason.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return "none";
        }
        return Format.count(total) + " ("
                + byReason.entrySet().stream()
                        .filter(e -> e.getValue() > 0)
                        .map(e -> e.getKey() + " " + Format.count(e.getValue()))
                        .collect(Collectors.joining(", "))
                + ")";
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format(java.util.Locale.ROOT, "  %-11s %s%n", label, value));
    }

    /** The folder relative to the working directory when it is inside it, else absolute. */
    private static Path shown(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return absolute.startsWith(here) ? here.relativize(absolute) : absolute;
    }
}

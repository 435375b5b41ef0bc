package org.mercato.scenarios.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.load.BundledScenarios;
import org.mercato.scenarios.load.ScenarioException;
import org.mercato.scenarios.sweep.Cell;
import org.mercato.scenarios.sweep.CellResult;
import org.mercato.scenarios.sweep.CellRunner;
import org.mercato.scenarios.sweep.CodeVersion;
import org.mercato.scenarios.sweep.CommandLineFactors;
import org.mercato.scenarios.sweep.LocalExecutor;
import org.mercato.scenarios.sweep.SweepExecutor;
import org.mercato.scenarios.sweep.SweepPlan;
import org.mercato.scenarios.sweep.SweepResults;
import org.mercato.scenarios.sweep.SweepRun;
import org.mercato.scenarios.sweep.SweepSpec;
import org.mercato.scenarios.sweep.SweepStore;
import org.mercato.scenarios.sweep.cluster.ClusterExecutor;
import org.mercato.scenarios.sweep.cluster.HostPort;
import org.mercato.sim.kernel.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mercato sweep FILE [--set KEY=VALUE] [--factor KEY=LEVEL,...] [--replicates N] [--dry-run] [--retry-failed] [--parallelism N] [--out DIR] [--cluster
 * --bind HOST:PORT] [--shard I/N]}, and {@code mercato sweep merge FILES...}.
 */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        versionProvider = MercatoCli.Version.class,
        subcommands = {SweepMergeCommand.class},
        description = {
            "Run every cell of a sweep (a scenario with a sweep: section, a sweep file, or any scenario with"
                    + " --factor) and analyse them.",
            "Results go to <DIR>/sweep.duckdb as each cell finishes; a rerun skips finished cells."
                    + " At the end: <DIR>/sweep-report.html and CSV and Parquet files under <DIR>/export/."
        })
final class SweepCommand extends CliCommand {
    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "FILE",
            description = "The sweep or scenario file (YAML), or a bundled scenario's name.")
    Path file;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description =
                    ScenarioOptions.SET_HELP + " Applies to every cell; a factor's key is refused (use --factor).")
    List<String> overrides = new ArrayList<>();

    @Option(
            names = "--factor",
            paramLabel = "KEY=LEVEL,...",
            description = "Add a factor, or replace the file's factor of that KEY (repeatable): its levels,"
                    + " separated by commas outside brackets and braces, each read like a --set VALUE:"
                    + " market.generate.customers=10,20 or 'market.reveal={policy: immediate},{policy: batched}'."
                    + " Without a sweep: section the design is a grid.")
    List<String> factors = new ArrayList<>();

    @Option(
            names = "--replicates",
            paramLabel = "N",
            description = "Replicates per design point (default: the file's, or 1).")
    Integer replicates;

    @Option(names = "--dry-run", description = "List the cells and what a run would do, without running any.")
    boolean dryRun;

    @Option(names = "--retry-failed", description = "Run again the cells that failed before.")
    boolean retryFailed;

    @Option(
            names = "--parallelism",
            paramLabel = "N",
            description = "Cells run at once in this JVM (default: the number of cores).")
    Integer parallelism;

    @Option(names = "--out", paramLabel = "DIR", description = "The sweep's folder (default: sweeps/<name>).")
    Path out;

    @Option(
            names = "--keep-runs",
            description = "Keep each cell's run folder as <DIR>/runs/<cell id>/<scenario>-<label>-<time>/,"
                    + " named like a labelled 'mercato run' (the label is the cell's levels).")
    boolean keepRuns;

    @Option(
            names = "--cluster",
            description = "Coordinate workers on a Pekko cluster instead of running cells here (needs --bind).")
    boolean cluster;

    @Option(
            names = "--bind",
            paramLabel = "HOST:PORT",
            description = "The coordinator's address; workers join it with 'mercato worker --join HOST:PORT'.")
    String bind;

    @Option(
            names = "--failure-timeout",
            paramLabel = "DURATION",
            defaultValue = "10s",
            description = "How long a worker may be unreachable before it is downed and its cells handed to"
                    + " others (default: ${DEFAULT-VALUE}).")
    String failureTimeout;

    @Option(
            names = "--shard",
            paramLabel = "I/N",
            description = "Run only cells with index %% N == I (0 <= I < N) into sweep-shard-I-of-N.duckdb;"
                    + " combine the shards with 'mercato sweep merge'.")
    String shard;

    @Option(
            names = "--progress",
            negatable = true,
            description = "Show a progress line on stderr (default: when the console is a terminal).")
    Boolean progress;

    @Override
    int execute() throws Exception {
        if (file == null) {
            return error(BAD_INPUT, "missing FILE: the sweep or scenario file (see 'mercato sweep --help')");
        }
        int[] shardOf = shard == null ? null : parseShard(shard);
        if (cluster && bind == null) {
            throw new ScenarioException("--cluster", "needs --bind HOST:PORT, the address workers join");
        }
        if (cluster && shardOf != null) {
            throw new ScenarioException("--shard", "shards are for batch schedulers; do not combine with --cluster");
        }
        if (parallelism != null && parallelism < 1) {
            throw new ScenarioException("--parallelism", "must be at least 1, was " + parallelism);
        }
        HostPort bindAt = cluster ? hostPort("--bind", bind) : null;
        // bind SLF4J before Pekko starts logging from its own threads
        org.slf4j.LoggerFactory.getILoggerFactory();
        Duration timeout = duration("--failure-timeout", failureTimeout);
        PolicyRegistry registry = PolicyRegistry.withPlugins();
        if (replicates != null && replicates < 1) {
            throw new ScenarioException("--replicates", "must be at least 1, was " + replicates);
        }
        SweepSpec spec = SweepSpec.load(
                BundledScenarios.resolveArgument(file),
                new SweepSpec.CommandLine(overrides, CommandLineFactors.parse(factors), replicates));
        SweepPlan plan = SweepPlan.of(spec, registry, CodeVersion.current());
        int allCells = plan.cells().size();
        if (shardOf != null) {
            plan = plan.shard(shardOf[0], shardOf[1]);
        }
        Path folder = out != null ? out : Path.of("sweeps", spec.name());
        Path database = folder.resolve(
                shardOf == null ? "sweep.duckdb" : "sweep-shard-" + shardOf[0] + "-of-" + shardOf[1] + ".duckdb");
        out().println(header(spec, allCells, plan, shardOf));
        int threads = parallelism != null ? parallelism : Runtime.getRuntime().availableProcessors();
        if (sharesAuctionMemory(plan)) {
            // each run loads the memory folder at its start and saves it at its end: cells running at
            // once would overwrite each other's lessons
            if (cluster) {
                throw new ScenarioException(
                        "market.strategyAuction.memory",
                        "cells that share an auction memory must run one after another; run the sweep"
                                + " locally (it then runs one cell at a time)");
            }
            if (threads > 1) {
                out().println("  cells share the strategy-auction memory folder: running them one at a time");
                threads = 1;
            }
        }
        if (dryRun) {
            return dryRun(plan, database, threads);
        }
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new ScenarioException("--out " + folder, "exists and is not a directory");
        }
        boolean showProgress = progress != null ? progress : System.console() != null;
        SweepRun.Outcome outcome;
        ClusterExecutor clusterExecutor = null;
        try (SweepProgress display = new SweepProgress(err(), showProgress)) {
            SweepExecutor executor;
            if (cluster) {
                clusterExecutor = new ClusterExecutor(bindAt, timeout, plan.codeVersion(), display);
                executor = clusterExecutor;
                out().println("  coordinator listening on " + bindAt + "; start workers with: mercato worker --join "
                        + bindAt);
            } else {
                executor = new LocalExecutor(
                        new CellRunner(registry, keepRuns ? folder.resolve("runs") : null, "local"), threads, display);
            }
            out().flush();
            try (ConsoleLogging ignored = showProgress ? ConsoleLogging.divert() : null) {
                outcome = SweepRun.run(plan, database, retryFailed, executor, display);
            }
        }
        SweepResults.Written written = null;
        Set<String> ids = new HashSet<>();
        plan.cells().forEach(c -> ids.add(c.id()));
        List<SweepStore.StoredCell> failedCells;
        try (SweepStore store = SweepStore.open(database)) {
            if (shardOf == null) {
                written = SweepResults.write(store, folder, ids);
            }
            failedCells = store.cells().stream()
                    .filter(c -> !c.ok() && ids.contains(c.id()))
                    .toList();
        }
        int failedNow = outcome.failed() + outcome.failedSkipped();
        printFailedCells(failedCells, outcome.total());
        if (written != null) {
            out().print(written.headlines().text());
        }
        line(
                "cells",
                (outcome.total() - failedNow) + " ok, " + failedNow + " failed; " + outcome.reused()
                        + " reused from earlier runs, " + outcome.ran() + " run now"
                        + (outcome.failedSkipped() > 0
                                ? ", " + outcome.failedSkipped() + " failed earlier (not retried)"
                                : ""));
        if (clusterExecutor != null) {
            line(
                    "cluster",
                    clusterExecutor.stats().workersSeen.get()
                            + (clusterExecutor.stats().workersSeen.get() == 1 ? " worker, " : " workers, ")
                            + clusterExecutor.stats().reassigned.get() + " cells handed out again after a worker was"
                            + " lost, " + clusterExecutor.stats().duplicates.get() + " duplicate results dropped");
        }
        line("database", database.toString());
        if (written != null) {
            line("report", written.report().toString());
            line("export", folder.resolve("export") + " (CSV and Parquet)");
        }
        out().flush();
        if (failedNow > 0) {
            return error(
                    FAILED,
                    failedNow + " of " + outcome.total() + " cells failed (their errors are in the cells table);"
                            + " rerun with --retry-failed to run them again");
        }
        return OK;
    }

    /** The failed cells, first and loud: a headline, then up to ten cells with their errors. */
    private void printFailedCells(List<SweepStore.StoredCell> failed, int total) {
        if (failed.isEmpty()) {
            return;
        }
        out().println("FAILED: " + failed.size() + " of " + total + " cells failed");
        for (SweepStore.StoredCell c : failed.subList(0, Math.min(10, failed.size()))) {
            out().println("  #" + c.index() + " " + c.id() + ": " + oneLine(String.valueOf(c.error())));
        }
        if (failed.size() > 10) {
            out().println("  ... and " + (failed.size() - 10)
                    + " more (the cells table and sweep-report.html list them)");
        }
    }

    private static boolean sharesAuctionMemory(SweepPlan plan) {
        return plan.cells().stream()
                .map(cell -> cell.scenario().market().strategyAuction())
                .anyMatch(auctions -> auctions != null && auctions.memory() != null);
    }

    private int dryRun(SweepPlan plan, Path database, int threads) {
        Map<String, String> statuses = Map.of();
        double meanMillis = 0;
        double metricsPerCell = 0;
        if (Files.exists(database)) {
            try (SweepStore store = SweepStore.open(database)) {
                statuses = store.statuses();
                List<SweepStore.StoredCell> done =
                        store.cells().stream().filter(SweepStore.StoredCell::ok).toList();
                meanMillis = done.stream()
                        .mapToLong(SweepStore.StoredCell::wallMillis)
                        .average()
                        .orElse(0);
                metricsPerCell = store.metrics().values().stream()
                        .mapToInt(Map::size)
                        .average()
                        .orElse(0);
            }
        }
        int reuse = 0;
        int failedBefore = 0;
        for (Cell cell : plan.cells()) {
            String status = statuses.get(cell.id());
            if (CellResult.OK.equals(status)) {
                reuse++;
            } else if (status != null) {
                failedBefore++;
            }
            out().printf(
                            "  #%-4d %s  replicate %d  seed %d  %s%s%n",
                            cell.index(),
                            cell.id(),
                            cell.replicate(),
                            cell.seed(),
                            cell.factors().entrySet().stream()
                                    .map(e -> e.getKey() + "=" + SweepStore.levelText(e.getValue()))
                                    .collect(Collectors.joining(" ")),
                            status == null ? "" : "  [" + status + "]");
        }
        int toRun = SweepRun.toRun(plan, statuses, retryFailed).size();
        out().printf(
                        "would run %d cells, reuse %d finished ones%s; the database %s%n",
                        toRun,
                        reuse,
                        failedBefore > 0
                                ? ", " + (retryFailed ? "retry " : "leave alone ") + failedBefore + " failed ones"
                                : "",
                        Files.exists(database) ? "exists: " + database : "would be " + database);
        if (meanMillis > 0) {
            out().printf(
                            "estimate: %s of cell time at %d at once (finished cells took %.0f ms on average), about %d"
                                    + " metric rows%n",
                            SweepProgress.clock(Math.round(meanMillis * toRun / threads)),
                            threads,
                            meanMillis,
                            Math.round(metricsPerCell * plan.cells().size()));
        } else {
            out().println("estimate: no finished cell to time yet; a cell takes about as long as 'mercato run' of"
                    + " one scenario");
        }
        out().flush();
        return OK;
    }

    static String header(SweepSpec spec, int allCells, SweepPlan plan, int[] shardOf) {
        int replicates = spec.config().replicates();
        return "Sweep " + spec.name() + ": " + spec.config().design() + " design over "
                + spec.config().factors().size() + (spec.config().factors().size() == 1 ? " factor, " : " factors, ")
                + (allCells / replicates) + " points x " + replicates + " replicates = " + allCells + " cells"
                + (shardOf == null
                        ? ""
                        : "; shard " + shardOf[0] + "/" + shardOf[1] + ": "
                                + plan.cells().size())
                + " (code " + plan.codeVersion() + ")";
    }

    static int[] parseShard(String text) {
        String[] parts = text.split("/", -1);
        try {
            if (parts.length == 2) {
                int i = Integer.parseInt(parts[0].strip());
                int n = Integer.parseInt(parts[1].strip());
                if (n >= 1 && i >= 0 && i < n) {
                    return new int[] {i, n};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ScenarioException("--shard " + text, "expected I/N with 0 <= I < N, such as 0/4");
    }

    static HostPort hostPort(String option, String text) {
        try {
            return HostPort.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(option + " " + text, e.getMessage());
        }
    }

    static Duration duration(String option, String text) {
        try {
            long micros = Durations.parseMicros(text);
            if (micros <= 0) {
                throw new IllegalArgumentException("must be positive");
            }
            return Duration.ofNanos(micros * 1000);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(option + " " + text, "expected a duration such as 10s or 500ms");
        }
    }

    private void line(String label, String value) {
        out().print(String.format(java.util.Locale.ROOT, "  %-11s %s%n", label, value));
    }
}

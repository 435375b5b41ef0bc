package org.mercato.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.sweep.Cell;
import org.mercato.scenarios.sweep.CellResult;
import org.mercato.scenarios.sweep.CellRunner;
import org.mercato.scenarios.sweep.CodeVersion;
import org.mercato.scenarios.sweep.LocalExecutor;
import org.mercato.scenarios.sweep.SweepExecutor;
import org.mercato.scenarios.sweep.SweepListener;
import org.mercato.scenarios.sweep.SweepPlan;
import org.mercato.scenarios.sweep.SweepRun;
import org.mercato.scenarios.sweep.SweepSpec;
import org.mercato.scenarios.sweep.SweepStore;
import org.mercato.scenarios.sweep.cluster.ClusterExecutor;
import org.mercato.scenarios.sweep.cluster.HostPort;
import org.mercato.scenarios.sweep.cluster.WorkerNode;

/**
 * The sweep benchmark: a grid of a small generated market (5 inquiry levels x 2 search mechanisms
 * x replicates; 200 cells by default) run three ways into fresh databases: the local executor with
 * one thread (the cells one after another), the local executor with {@code parallelism} threads,
 * and the cluster executor with a coordinator and two worker nodes in this JVM talking over
 * loopback TCP, with {@code parallelism} slots in all. Prints wall times, the local speedup over
 * sequential, and the cluster's overhead per cell against the local executor. Checks every run
 * stored the same metrics per cell id.
 *
 * <p>Arguments: {@code [replicates (20)] [customers (20)] [parallelism (cores)] [port (25520)]}.
 */
public final class SweepBench {
    private SweepBench() {}

    public static void main(String[] args) throws Exception {
        int replicates = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int customers = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int parallelism = args.length > 2
                ? Integer.parseInt(args[2])
                : Runtime.getRuntime().availableProcessors();
        int port = args.length > 3 ? Integer.parseInt(args[3]) : 25_520;
        measure(replicates, customers, parallelism, port, true, true, System.out);
    }

    /**
     * Seconds of the three runs of the same sweep (NaN for the cluster when not run), the cluster's
     * time while it handed out and stored cells, and whether every run stored the same metrics.
     */
    record Result(int cells, double sequential, double parallel, double cluster, double clusterSteady, boolean same) {
        double speedup() {
            return sequential / parallel;
        }
    }

    /** The sweep run sequentially, with {@code parallelism} threads and (if asked) on a loopback cluster. */
    static Result measure(
            int replicates,
            int customers,
            int parallelism,
            int port,
            boolean withCluster,
            boolean warmup,
            PrintStream out)
            throws Exception {
        Path dir = Files.createTempDirectory("mercato-sweep-bench-");
        try {
            Path file = dir.resolve("bench.yaml");
            Files.writeString(file, scenario(customers, replicates));
            PolicyRegistry registry = PolicyRegistry.builtIn();
            SweepPlan plan = SweepPlan.of(SweepSpec.load(file), registry, CodeVersion.current());
            int cells = plan.cells().size();
            out.printf(
                    Locale.ROOT,
                    "sweep of %d cells (%d customers each), parallelism %d, %d cores%n",
                    cells,
                    customers,
                    parallelism,
                    Runtime.getRuntime().availableProcessors());

            // warm-up: the JIT, the loader and DuckDB, on a fifth of the cells
            if (warmup) {
                time(plan.shard(0, 5), dir.resolve("warmup.duckdb"), local(registry, parallelism));
            }

            double sequential = time(plan, dir.resolve("sequential.duckdb"), local(registry, 1));
            double parallel = time(plan, dir.resolve("local.duckdb"), local(registry, parallelism));
            double[] cluster = withCluster
                    ? timeCluster(plan, dir.resolve("cluster.duckdb"), registry, parallelism, port, out)
                    : new double[] {Double.NaN, Double.NaN};

            Map<String, Map<String, Double>> reference = metrics(dir.resolve("sequential.duckdb"));
            boolean same = reference.size() == cells
                    && reference.equals(metrics(dir.resolve("local.duckdb")))
                    && (!withCluster || reference.equals(metrics(dir.resolve("cluster.duckdb"))));
            out.printf(
                    Locale.ROOT,
                    "sequential (1 thread)     %7.2f s  %6.1f ms/cell%n",
                    sequential,
                    1e3 * sequential / cells);
            out.printf(
                    Locale.ROOT,
                    "local (%d threads)         %7.2f s  %6.1f ms/cell  speedup %.2fx%n",
                    parallelism,
                    parallel,
                    1e3 * parallel / cells,
                    sequential / parallel);
            if (withCluster) {
                out.printf(
                        Locale.ROOT,
                        "cluster (2 workers, %d slots) %5.2f s  %6.1f ms/cell  overhead vs local %+.1f ms/cell (%+.1f%%)%n",
                        parallelism,
                        cluster[0],
                        1e3 * cluster[0] / cells,
                        1e3 * (cluster[0] - parallel) / cells,
                        100 * (cluster[0] - parallel) / parallel);
                out.printf(
                        Locale.ROOT,
                        "cluster without node start and stop: %.2f s, overhead vs local %+.1f ms/cell%n",
                        cluster[1],
                        1e3 * (cluster[1] - parallel) / cells);
                out.printf(
                        Locale.ROOT,
                        "mean wall time inside a cell: sequential %.1f ms, local %.1f ms, cluster %.1f ms%n",
                        meanCellMillis(dir.resolve("sequential.duckdb")),
                        meanCellMillis(dir.resolve("local.duckdb")),
                        meanCellMillis(dir.resolve("cluster.duckdb")));
            }
            out.println("metrics identical across the " + (withCluster ? "three" : "two") + " runs: " + same);
            return new Result(cells, sequential, parallel, cluster[0], cluster[1], same);
        } finally {
            TempFolders.delete(dir);
        }
    }

    private static LocalExecutor local(PolicyRegistry registry, int threads) {
        return new LocalExecutor(new CellRunner(registry, null, "bench"), threads, SweepListener.NONE);
    }

    private static double time(SweepPlan plan, Path db, SweepExecutor executor) throws Exception {
        long start = System.nanoTime();
        SweepRun.Outcome outcome = SweepRun.run(plan, db, false, executor, SweepListener.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (outcome.ran() != plan.cells().size() || outcome.failed() != 0) {
            throw new IllegalStateException("unexpected outcome " + outcome);
        }
        return seconds;
    }

    /**
     * Coordinator and workers in this JVM; the clock includes starting and stopping the nodes.
     * Returns the seconds in all and the seconds between the first cell handed out and the last stored.
     */
    private static double[] timeCluster(
            SweepPlan plan, Path db, PolicyRegistry registry, int parallelism, int port, PrintStream out)
            throws Exception {
        HostPort coordinator = new HostPort("127.0.0.1", port);
        Duration timeout = Duration.ofSeconds(10);
        AtomicLong firstAssigned = new AtomicLong();
        AtomicLong lastStored = new AtomicLong();
        SweepListener clock = new SweepListener() {
            @Override
            public void assigned(Cell cell, String worker) {
                firstAssigned.compareAndSet(0, System.nanoTime());
            }

            @Override
            public void finished(Cell cell, CellResult result) {
                lastStored.set(System.nanoTime());
            }
        };
        ClusterExecutor executor = new ClusterExecutor(coordinator, timeout, plan.codeVersion(), clock);
        long start = System.nanoTime();
        List<WorkerNode> workers = new ArrayList<>();
        Thread starter = new Thread(() -> {
            try {
                executor.address().get(60, TimeUnit.SECONDS);
                int first = (parallelism + 1) / 2;
                workers.add(WorkerNode.start(
                        new HostPort("127.0.0.1", 0), coordinator, first, timeout, registry, null, plan.codeVersion()));
                if (parallelism - first > 0) {
                    workers.add(WorkerNode.start(
                            new HostPort("127.0.0.1", 0),
                            coordinator,
                            parallelism - first,
                            timeout,
                            registry,
                            null,
                            plan.codeVersion()));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        starter.start();
        SweepRun.Outcome outcome = SweepRun.run(plan, db, false, executor, clock);
        long end = System.nanoTime();
        double seconds = (end - start) / 1e9;
        starter.join();
        out.printf(
                Locale.ROOT,
                "cluster phases: %.2f s until the first cell was handed out (nodes start, join, singleton),"
                        + " %.2f s handing out and storing cells, %.2f s after the last result (workers stop)%n",
                (firstAssigned.get() - start) / 1e9,
                (lastStored.get() - firstAssigned.get()) / 1e9,
                (end - lastStored.get()) / 1e9);
        for (WorkerNode w : workers) {
            w.whenDone().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        if (outcome.ran() != plan.cells().size() || outcome.failed() != 0) {
            throw new IllegalStateException("unexpected outcome " + outcome);
        }
        return new double[] {seconds, (lastStored.get() - firstAssigned.get()) / 1e9};
    }

    private static double meanCellMillis(Path db) {
        try (SweepStore store = SweepStore.open(db)) {
            return store.cells().stream()
                    .mapToLong(SweepStore.StoredCell::wallMillis)
                    .average()
                    .orElse(0);
        }
    }

    private static Map<String, Map<String, Double>> metrics(Path db) {
        try (SweepStore store = SweepStore.open(db)) {
            return store.metrics();
        }
    }

    private static String scenario(int customers, int replicates) {
        return String.join(
                "\n",
                "name: sweep-bench",
                "seed: 1",
                "kernel: {mode: bare, networkDelay: 5ms}",
                "market:",
                "  generate: {domain: restaurants, customers: " + customers + ", services: "
                        + Math.max(3, customers / 3) + ", itemsPerCustomer: 2}",
                "  search: {mechanism: simple, pageSize: 5}",
                "agents:",
                "  assistants:",
                "    - policy: rational",
                "      params: {inquiries: 3, patience: 30s}",
                "      thinkTime: {min: 20ms, median: 200ms, sigma: 0.5}",
                "  services:",
                "    - policy: posted-price",
                "      thinkTime: {min: 50ms, max: 2s}",
                "sweep:",
                "  design: grid",
                "  factors:",
                "    agents.assistants[0].params.inquiries: [1, 2, 3, 4, 5]",
                "    market.search.mechanism: [simple, lexical]",
                "  replicates: " + replicates,
                "");
    }
}

package org.mercato.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.ScenarioRunner;
import org.mercato.sim.kernel.KernelListener;

/**
 * What the result tables cost a run: the quickstart at {@code customers} x {@code services} run in
 * one JVM with outputs on (results.duckdb and csv/, streamed while the market runs) and off
 * ({@code output.duckdb=false}), alternating, after a warm-up pair; prints each run's wall time and
 * process CPU time and the ratio of the medians (the goal: at most 1.15).
 *
 * <p>Arguments: {@code [scenario file (scenarios/quickstart.yaml)] [customers (20000)] [services
 * (400)] [rounds (5)]}.
 */
public final class OutputBench {
    private OutputBench() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "scenarios/quickstart.yaml");
        int customers = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int services = args.length > 2 ? Integer.parseInt(args[2]) : 400;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        measure(file, customers, services, rounds, System.out);
    }

    /**
     * The medians of the rounds, in seconds, with tables on and off, and their ratios; {@code
     * wallInterval}: a 95% bootstrap interval of the wall-time ratio (null where not drawn).
     */
    record Cost(double wallOn, double wallOff, double cpuOn, double cpuOff, Bootstrap.Interval wallInterval) {
        double wallRatio() {
            return wallOn / wallOff;
        }

        double cpuRatio() {
            return cpuOn / cpuOff;
        }
    }

    /** Runs a warm-up pair and {@code rounds} measured pairs, printing each round to {@code out}. */
    static Cost measure(Path file, int customers, int services, int rounds, PrintStream out) throws Exception {
        List<String> size = List.of("market.generate.customers=" + customers, "market.generate.services=" + services);
        Scenario on = ScenarioLoader.load(file, size);
        Scenario off = ScenarioLoader.load(file, concat(size, "output.duckdb=false"));
        Path dir = Files.createTempDirectory("mercato-output-bench-");
        List<double[]> withTables = new ArrayList<>();
        List<double[]> without = new ArrayList<>();
        try {
            for (int round = 0; round <= rounds; round++) {
                double[] a = time(on, dir);
                double[] b = time(off, dir);
                out.printf(
                        Locale.ROOT,
                        "%s on %.2f s (cpu %.2f s), off %.2f s (cpu %.2f s)%n",
                        round == 0 ? "warm-up" : "round " + round,
                        a[0],
                        a[1],
                        b[0],
                        b[1]);
                if (round > 0) {
                    withTables.add(a);
                    without.add(b);
                }
            }
            Cost cost = new Cost(
                    median(withTables, 0), median(without, 0), median(withTables, 1), median(without, 1), null);
            out.printf(
                    Locale.ROOT,
                    "median wall on/off %.2f / %.2f s = %.3f; cpu %.3f%n",
                    cost.wallOn(),
                    cost.wallOff(),
                    cost.wallRatio(),
                    cost.cpuRatio());
            return cost;
        } finally {
            TempFolders.delete(dir);
        }
    }

    /**
     * The same comparison as a user meets it: {@code LAUNCHER run FILE} as child processes at the
     * given size, with the tables and without ({@code --set output.duckdb=...}), alternating after
     * an untimed call (which may build); medians of the wall times (CPU times are not measured).
     */
    static Cost measureProcesses(
            List<String> launcher, Path file, int customers, int services, int rounds, PrintStream out)
            throws Exception {
        Path dir = Files.createTempDirectory("mercato-output-bench-");
        try {
            List<String> run = new ArrayList<>(launcher);
            run.addAll(List.of(
                    "run",
                    file.toString(),
                    "--set",
                    "market.generate.customers=" + customers,
                    "--set",
                    "market.generate.services=" + services,
                    "--quiet",
                    "--set"));
            List<Double> on = new ArrayList<>();
            List<Double> off = new ArrayList<>();
            for (int round = 0; round <= rounds; round++) {
                double a = runProcess(run, "output.duckdb=true", dir, out);
                double b = runProcess(run, "output.duckdb=false", dir, out);
                out.printf(
                        Locale.ROOT,
                        "%s (processes) on %.2f s, off %.2f s%n",
                        round == 0 ? "warm-up" : "round " + round,
                        a,
                        b);
                if (round > 0) {
                    on.add(a);
                    off.add(b);
                }
            }
            Cost cost = new Cost(
                    KernelBench.median(on),
                    KernelBench.median(off),
                    Double.NaN,
                    Double.NaN,
                    Bootstrap.ratioOfMedians(on, off));
            out.printf(
                    Locale.ROOT,
                    "processes: median wall on/off %.2f / %.2f s = %.3f (95%% bootstrap interval %.3f-%.3f)%n",
                    cost.wallOn(),
                    cost.wallOff(),
                    cost.wallRatio(),
                    cost.wallInterval().low(),
                    cost.wallInterval().high());
            return cost;
        } finally {
            TempFolders.delete(dir);
        }
    }

    private static double runProcess(List<String> run, String tables, Path dir, PrintStream out) throws Exception {
        Path folder = Files.createTempDirectory(dir, "run-");
        List<String> command = new ArrayList<>(run);
        command.addAll(List.of(tables, "--out", folder.toString()));
        double seconds = StartupBench.time(command, out);
        TempFolders.delete(folder);
        return seconds;
    }

    /** Wall and process CPU seconds of one run into a fresh folder (deleted afterwards). */
    private static double[] time(Scenario scenario, Path dir) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.gc();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        Path folder = new ScenarioRunner(PolicyRegistry.builtIn(), dir, KernelListener.NONE)
                .run(scenario)
                .folder();
        double wall = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
        TempFolders.delete(folder);
        return new double[] {wall, cpuSeconds};
    }

    private static double median(List<double[]> runs, int index) {
        double[] values = runs.stream().mapToDouble(r -> r[index]).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static List<String> concat(List<String> list, String more) {
        List<String> out = new ArrayList<>(list);
        out.add(more);
        return out;
    }
}

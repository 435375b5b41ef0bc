package org.mercato.bench;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mercato.agents.PolicyRegistry;
import org.mercato.gateway.http.GatewayStats;
import org.mercato.gateway.http.LatencySummary;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.ExternalFeature;
import org.mercato.scenarios.run.RunEnvironment;
import org.mercato.scenarios.run.RunStart;
import org.mercato.scenarios.run.WiredRun;
import org.mercato.sim.Simulation;
import org.mercato.sim.events.JsonlEventWriter;
import org.mercato.sim.kernel.KernelListener;
import org.mercato.sim.kernel.KernelStats;

/**
 * The agent gateway under load: a generated restaurant market of {@code customers} x {@code
 * services} whose shoppers and sellers are the Python client's examples ({@code
 * clients/python/examples}), started by {@code external.command} and talking HTTP to the gateway,
 * against the same market with the equivalent in-process policies ({@code rational} asking every
 * listing on the page, {@code posted-price}). Prints, per round, turns per second through the
 * gateway, the gateway's own server-side time per answered turn (median and p99 from {@link
 * GatewayStats}) and the wall time against the in-process run; then the medians. The wait for the
 * agent processes to connect is not timed; events go to a null stream.
 *
 * <p>Arguments: {@code [customers (100)] [services (300)] [rounds (3)] [python (python3)]}; run from
 * the checkout's root (it finds the examples under {@code clients/python}).
 */
public final class GatewayBench {
    private GatewayBench() {}

    public static void main(String[] args) throws Exception {
        measure(args);
        // the MCP SDK's session sweeper threads are not daemons and outlive the closed gateway
        System.exit(0);
    }

    private static void measure(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int services = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String python = args.length > 3 ? args[3] : "python3";
        Path examples = Path.of("clients", "python", "examples").toAbsolutePath();
        if (!Files.exists(examples.resolve("cheapest_shopper.py"))) {
            throw new IllegalStateException(
                    "run from the checkout's root: no " + examples.resolve("cheapest_shopper.py"));
        }
        Path dir = Files.createTempDirectory("mercato-gateway-bench-");
        try {
            Path file = dir.resolve("gateway-bench.yaml");
            Files.writeString(file, scenario(customers, services, python, examples));
            Scenario external = ScenarioLoader.load(file);
            Scenario inProcess = ScenarioLoader.load(
                    file,
                    List.of(
                            "agents.assistants[0].policy=rational",
                            "agents.assistants[0].params={inquiries: 10, patience: 30s}",
                            "agents.services[0].policy=posted-price"));
            System.out.printf(
                    Locale.ROOT,
                    "market %d customers x %d services (restaurants), %d rounds, %d cores; agents: %s%n",
                    customers,
                    services,
                    rounds,
                    Runtime.getRuntime().availableProcessors(),
                    examples);
            List<double[]> results = new ArrayList<>();
            for (int round = 0; round <= rounds; round++) {
                Measured outside = run(external, dir);
                Measured inside = run(inProcess, dir);
                LatencySummary turns = outside.stats().turnAnswers();
                double[] r = {
                    turns.count() / outside.seconds(),
                    turns.medianMicros(),
                    turns.p99Micros(),
                    outside.seconds() / inside.seconds()
                };
                System.out.printf(
                        Locale.ROOT,
                        "%s: external %.2f s, %d events, %d turns = %.0f turns/s; gateway per turn median %d µs, p99 %d µs"
                                + " (max %d µs); in-process %.3f s, %d events; wall ratio %.1f%n",
                        round == 0 ? "warm-up" : "round " + round,
                        outside.seconds(),
                        outside.kernel().events(),
                        turns.count(),
                        r[0],
                        turns.medianMicros(),
                        turns.p99Micros(),
                        turns.maxMicros(),
                        inside.seconds(),
                        inside.kernel().events(),
                        r[3]);
                if (round > 0) {
                    results.add(r);
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "median over %d rounds: %.0f turns/s through the gateway; gateway time per turn median %.0f µs,"
                            + " p99 %.0f µs (goal: median <= 1000 µs); external/in-process wall time %.1f%n",
                    results.size(),
                    median(results, 0),
                    median(results, 1),
                    median(results, 2),
                    median(results, 3));
        } finally {
            TempFolders.delete(dir);
        }
    }

    /** Both groups external, each started from the examples folder; tables and report off. */
    static String scenario(int customers, int services, String python, Path examples) {
        String folder = examples.toString().replace("'", "''");
        return String.join(
                "\n",
                "name: gateway-bench",
                "seed: 17",
                "kernel: {networkDelay: 5ms}",
                "market:",
                "  generate: {domain: restaurants, customers: " + customers + ", services: " + services
                        + ", itemsPerCustomer: 1}",
                "  search: {mechanism: lexical, pageSize: 10}",
                "agents:",
                "  assistants:",
                "    - policy: external",
                "      thinkTime: {min: 20ms, median: 200ms, sigma: 0.5}",
                "      external: {command: " + python + " cheapest_shopper.py, directory: '" + folder + "'}",
                "  services:",
                "    - policy: external",
                "      thinkTime: {min: 50ms, max: 2s}",
                "      external: {command: " + python + " posted_price_seller.py, directory: '" + folder + "'}",
                "output: {duckdb: false}",
                "");
    }

    private record Measured(double seconds, KernelStats kernel, GatewayStats stats) {}

    /** One run: agents started and connected first (not timed), then the market. */
    private static Measured run(Scenario scenario, Path dir) throws Exception {
        Path folder = Files.createTempDirectory(dir, "run-");
        try (WiredRun wired = WiredRun.wire(scenario, RunEnvironment.of(PolicyRegistry.builtIn()))) {
            ExternalFeature external = wired.feature(ExternalFeature.class);
            external.startRun(new RunStart(folder, line -> {}));
            System.gc();
            long start = System.nanoTime();
            KernelStats kernel;
            try (JsonlEventWriter writer = new JsonlEventWriter(OutputStream.nullOutputStream())) {
                kernel = Simulation.run(wired.setup(), List.of(writer), KernelListener.NONE);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Measured(seconds, kernel, external.gatewayStats());
        }
    }

    private static double median(List<double[]> runs, int index) {
        double[] values = runs.stream().mapToDouble(r -> r[index]).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}

package org.mercato.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mercato.agents.PolicyRegistry;
import org.mercato.agents.llm.LangChainProvider;
import org.mercato.scenarios.model.AgentGroupConfig;
import org.mercato.scenarios.model.AgentsConfig;
import org.mercato.scenarios.model.Duration;
import org.mercato.scenarios.model.GeneratorConfig;
import org.mercato.scenarios.model.KernelConfig;
import org.mercato.scenarios.model.LlmCacheConfig;
import org.mercato.scenarios.model.LlmConfig;
import org.mercato.scenarios.model.MarketConfig;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.model.SearchConfig;
import org.mercato.scenarios.model.ThinkTimeConfig;
import org.mercato.scenarios.run.CostInfo;
import org.mercato.scenarios.run.LlmFeature;
import org.mercato.scenarios.run.LlmGroup;
import org.mercato.scenarios.run.RunEnvironment;
import org.mercato.scenarios.run.WiredRun;
import org.mercato.sim.Simulation;
import org.mercato.sim.events.JsonlEventWriter;
import org.mercato.sim.kernel.KernelListener;

/**
 * LLM agents against a loopback endpoint that answers after a fixed delay: a generated restaurant
 * market with LLM assistants and LLM services sharing one provider with a concurrency limit. It
 * records the run (every call over HTTP), then replays it from the cache (no HTTP) and reports:
 * the mean number of requests in flight while some call was pending (sampled every millisecond;
 * the goal is at least 90% of the limit), the wall time against the ideal (calls × delay / limit),
 * the replay's wall time per call (the simulator's own time per LLM call: rendering, hashing,
 * cache, parsing and the kernel, without HTTP), and whether the replay wrote the same bytes.
 *
 * <p>Arguments: customers (100), services (300), delay in ms (200), concurrency limit (64), and
 * {@code lockstep} for a fixed 1 s think time (default: uniform 1 to 3 s), and the search mechanism
 * ({@code lexical}; {@code random} spreads customers over sellers). LLM runs use the rolling
 * kernel (a bound per agent; {@code -Dwindowed=true} runs the windowed kernel, bounded per dispatch, for comparison), but a call
 * can only start once its observation is safe, so calls in flight are bounded by the agents with
 * work within about one think time of virtual time, not only by the limit. {@code -Djitter=j}
 * varies the endpoint's delay uniformly by ±j (a fraction). {@code -Dparallelism=N} sets the
 * kernel's threads (default: the wiring's, the concurrency limit).
 */
public final class LlmBench {
    private LlmBench() {}

    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int services = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        long delay = args.length > 2 ? Long.parseLong(args[2]) : 200;
        int limit = args.length > 3 ? Integer.parseInt(args[3]) : 64;
        boolean lockstep = args.length > 4 && args[4].equals("lockstep");
        String mechanism = args.length > 5 ? args[5] : "lexical";
        int warmups = Boolean.getBoolean("nowarmup") ? 0 : Integer.getInteger("warmups", 15);
        int maxWarmups = Boolean.getBoolean("nowarmup") ? 0 : Math.max(warmups, Integer.getInteger("maxWarmups", 60));
        int measured = Math.max(1, Integer.getInteger("runs", 3));
        measure(
                customers,
                services,
                delay,
                limit,
                lockstep,
                mechanism,
                new Warmups(warmups, maxWarmups),
                measured,
                System.out);
    }

    /**
     * The median share of the limit kept in flight while a call was pending, the median recording's
     * wall time against the ideal (calls x delay / limit), and the checks: every recording wrote the
     * same bytes, and the replay too, without an HTTP request.
     */
    record Measurement(
            double inFlightShare, double recordSeconds, double idealSeconds, boolean sameLogs, boolean replayClean) {}

    /**
     * At least {@code min} warm-up recordings, and more while the JIT compiler's time in the last one
     * exceeds {@value #QUIET_JIT_SHARE} of its wall time, up to {@code max} in all.
     */
    record Warmups(int min, int max) {
        Warmups {
            if (min < 0 || max < min) {
                throw new IllegalArgumentException("warm-ups: need 0 <= min <= max, got " + min + " and " + max);
            }
        }

        /** Whether to run another warm-up after {@code done}, the last of which was {@code busy} compiling. */
        boolean another(int done, boolean busy) {
            return done < min || (done < max && busy);
        }

        /** Whether a recording's JIT time exceeds {@value #QUIET_JIT_SHARE} of its wall time. */
        static boolean compiling(long jitMillis, long wallNanos) {
            return jitMillis > QUIET_JIT_SHARE * wallNanos / 1e6;
        }
    }

    /**
     * The JIT's share of a warm-up's wall time below which the JVM counts as warm. The code an LLM run
     * takes grew (deadlines, budgets, transcripts, images) until 15 warm-ups left the compiler busy
     * with more than half of each measured recording's wall time; the measurement is of the
     * simulator in steady state, as a run of minutes against a real model sees it.
     */
    static final double QUIET_JIT_SHARE = 0.10;

    /** Warm-up recordings, then {@code measured} recordings, then a strict replay of the last; prints to {@code out}. */
    static Measurement measure(
            int customers,
            int services,
            long delay,
            int limit,
            boolean lockstep,
            String mechanism,
            Warmups warmups,
            int measured,
            PrintStream out)
            throws Exception {
        Path root = Files.createTempDirectory("mercato-llm-bench");
        try (ScriptedChatServer server = new ScriptedChatServer(delay, limit * 2)) {
            out.printf(
                    Locale.ROOT,
                    "LLM bench: %d customers x %d restaurants, endpoint delay %d ms, concurrency limit %d, %s think time,"
                            + " %s search; %d to %d warm-up runs (more than %d while the JIT compiler takes over %.0f%%"
                            + " of one), %d measured%n",
                    customers,
                    services,
                    delay,
                    limit,
                    lockstep ? "fixed 1s" : "uniform 1-3s",
                    mechanism,
                    warmups.min(),
                    warmups.max(),
                    warmups.min(),
                    100 * QUIET_JIT_SHARE,
                    measured);
            Run warm = null;
            int done = 0;
            while (warmups.another(done, warm == null || Warmups.compiling(warm.jitMillis, warm.wallNanos))) {
                // the JIT warms up on the measured path (recording, each time into a cache of its own)
                Path scratch = Files.createDirectory(root.resolve("warmup-" + done));
                warm = run(
                        scenario(customers, services, server.baseUrl(), limit, "record", scratch, lockstep, mechanism),
                        server);
                done++;
            }
            if (warm != null) {
                out.printf(
                        Locale.ROOT,
                        "warm-ups: %d; the JIT compiler took %d ms of the last one's %.2f s%n",
                        done,
                        warm.jitMillis,
                        warm.wallNanos / 1e9);
            }
            List<Run> recorded = new ArrayList<>();
            Path cache = null;
            for (int i = 0; i < measured; i++) {
                cache = Files.createDirectory(root.resolve("measured-" + i));
                Jit.awaitQuiet();
                Run run = run(
                        scenario(customers, services, server.baseUrl(), limit, "record", cache, lockstep, mechanism),
                        server);
                recorded.add(run);
                report(run, delay, limit, out);
            }
            Run last = recorded.get(recorded.size() - 1);
            double[] shares = recorded.stream()
                    .mapToDouble(r -> 100 * r.meanInFlight / limit)
                    .sorted()
                    .toArray();
            boolean sameLogs = recorded.stream().allMatch(r -> Arrays.equals(r.events, last.events));
            out.printf(
                    Locale.ROOT,
                    "in flight while a call was pending, median of %d runs: %.0f%% of the limit (%.0f%% to %.0f%%);"
                            + " event logs of the runs %s%n",
                    measured,
                    shares[shares.length / 2],
                    shares[0],
                    shares[shares.length - 1],
                    sameLogs ? "byte-identical" : "DIFFER");
            long before = server.requests.get();
            Run replayed = run(
                    scenario(customers, services, server.baseUrl(), limit, "replay-strict", cache, lockstep, mechanism),
                    server);
            long replayRequests = server.requests.get() - before;
            out.printf(
                    Locale.ROOT,
                    "replay-strict: %d calls from the cache, %d HTTP requests, %.3f s, %.3f ms per call; events %s%n",
                    replayed.cost.cachedCalls(),
                    replayRequests,
                    replayed.wallNanos / 1e9,
                    replayed.wallNanos / 1e6 / Math.max(1, replayed.cost.cachedCalls()),
                    Arrays.equals(last.events, replayed.events) ? "byte-identical" : "DIFFER");
            double[] walls = recorded.stream()
                    .mapToDouble(r -> r.wallNanos / 1e9)
                    .sorted()
                    .toArray();
            return new Measurement(
                    shares[shares.length / 2] / 100,
                    walls[walls.length / 2],
                    last.cost.httpCalls() * delay / (double) limit / 1000,
                    sameLogs,
                    replayRequests == 0 && Arrays.equals(last.events, replayed.events));
        } finally {
            TempFolders.delete(root);
        }
    }

    private static void report(Run recorded, long delay, int limit, PrintStream out) {
        double ideal = recorded.cost.httpCalls() * delay / (double) limit;
        out.printf(
                Locale.ROOT,
                "record: %d calls over HTTP (%d agents ended llm-error) in %.2f s; ideal at the limit %.2f s%n",
                recorded.cost.httpCalls(),
                recorded.cost.agentsEndedLlmError(),
                recorded.wallNanos / 1e9,
                ideal / 1000);
        out.printf(
                Locale.ROOT,
                "  mean requests in flight while a call was pending: %.1f of %d (%.0f%%), pending %.0f%% of the"
                        + " wall time%n",
                recorded.meanInFlight,
                limit,
                100 * recorded.meanInFlight / limit,
                100 * recorded.pendingShare);
        out.printf(
                Locale.ROOT,
                "  at most %d calls pending and %d in flight at once (kernel parallelism %d)%n",
                recorded.maxPending,
                recorded.maxInFlight,
                recorded.parallelism);
        out.printf(
                Locale.ROOT,
                "  guessed requests (prefetch): %d sent, %d claimed by the real call, %d wasted%n",
                recorded.guessesStarted,
                recorded.guessesClaimed,
                recorded.guessesWasted);
        out.printf(
                Locale.ROOT,
                "  wall time over the ideal: %.2f ms per call; CPU of the process (loopback server included) %.2f"
                        + " s on %d cores, %.2f ms per call; JIT compiling %.2f s%n",
                (recorded.wallNanos / 1e6 - ideal) / recorded.cost.httpCalls(),
                recorded.cpuNanos / 1e9,
                Runtime.getRuntime().availableProcessors(),
                recorded.cpuNanos / 1e6 / recorded.cost.httpCalls(),
                recorded.jitMillis / 1e3);
    }

    private record Run(
            long wallNanos,
            long cpuNanos,
            long jitMillis,
            double meanInFlight,
            double pendingShare,
            long maxPending,
            long maxInFlight,
            int parallelism,
            long guessesStarted,
            long guessesClaimed,
            long guessesWasted,
            CostInfo cost,
            byte[] events) {}

    /** CPU time of this process so far (the loopback server runs in it too). */
    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static Run run(Scenario scenario, WiredRun wiring, ScriptedChatServer server) throws Exception {
        var wired = wiring.setup();
        // -Dwindowed=true: the windowed kernel (a bound per dispatch), for comparison
        var setup =
                Boolean.getBoolean("windowed") ? wired.withKernel(wired.kernel().withRolling(false)) : wired;
        List<LangChainProvider> providers = wiring.feature(LlmFeature.class).providers();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] sums = new long[5]; // in flight, samples while pending, samples, max pending, max in flight
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                int pending =
                        providers.stream().mapToInt(LangChainProvider::pending).sum();
                sums[2]++;
                if (pending > 0) {
                    sums[0] += server.active.get();
                    sums[1]++;
                }
                sums[3] = Math.max(sums[3], pending);
                if (Boolean.getBoolean("timeline") && sums[2] % Integer.getInteger("timelineEvery", 50) == 0) {
                    System.err.printf(
                            "timeline %d pending %d active %d client %d%n",
                            sums[2],
                            pending,
                            server.active.get(),
                            providers.stream()
                                    .mapToInt(LangChainProvider::inFlight)
                                    .sum());
                }
                sums[4] = Math.max(sums[4], server.active.get());
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long start;
        long wall;
        long cpu;
        long jit;
        try (JsonlEventWriter writer = new JsonlEventWriter(out);
                var prepared = Simulation.prepare(setup, List.of(writer), KernelListener.NONE)) {
            sampler.start();
            cpu = processCpuNanos();
            jit = Jit.millis();
            start = System.nanoTime();
            prepared.run();
            wall = System.nanoTime() - start;
            cpu = processCpuNanos() - cpu;
            jit = Jit.millis() - jit;
            sampler.interrupt();
            sampler.join();
        }
        long[] guesses = new long[3];
        for (LangChainProvider provider : providers) {
            if (provider.prefetcher() != null) {
                guesses[0] += provider.prefetcher().started();
            }
        }
        // closing counts the guesses nobody claimed as wasted
        wiring.feature(LlmFeature.class).close();
        for (LangChainProvider provider : providers) {
            if (provider.prefetcher() != null) {
                guesses[1] += provider.prefetcher().claimed();
                guesses[2] += provider.prefetcher().wasted();
            }
        }
        List<LlmGroup> groups = wiring.feature(LlmFeature.class).groups();
        return new Run(
                wall,
                cpu,
                jit,
                sums[1] == 0 ? 0 : sums[0] / (double) sums[1],
                sums[2] == 0 ? 0 : sums[1] / (double) sums[2],
                sums[3],
                sums[4],
                setup.kernel().parallelism(),
                guesses[0],
                guesses[1],
                guesses[2],
                CostInfo.of(groups, null),
                out.toByteArray());
    }

    private static Run run(Scenario scenario, ScriptedChatServer server) throws Exception {
        try (WiredRun wiring =
                WiredRun.wire(scenario, new RunEnvironment(PolicyRegistry.builtIn(), name -> null, true))) {
            return run(scenario, wiring, server);
        }
    }

    static Scenario scenario(
            int customers,
            int services,
            String baseUrl,
            int limit,
            String mode,
            Path cache,
            boolean lockstep,
            String mechanism) {
        ThinkTimeConfig think = lockstep
                ? ThinkTimeConfig.fixed("1s")
                : ThinkTimeConfig.of(null, Duration.parse("1s"), Duration.parse("3s"), null, null);
        LlmConfig llm = new LlmConfig(
                "openai",
                baseUrl,
                "scripted",
                0.0,
                256,
                null,
                limit,
                Duration.parse("30s"),
                3,
                Duration.parse("100ms"),
                new LlmCacheConfig(mode, cache.toString()),
                20,
                2,
                null,
                !Boolean.getBoolean("noprefetch"),
                null,
                null,
                null,
                null);
        AgentGroupConfig assistants = new AgentGroupConfig("llm-assistant", null, null, think, null, llm);
        AgentGroupConfig sellers = new AgentGroupConfig("llm-service", null, null, think, null, llm);
        return new Scenario(
                "llm-bench",
                null,
                11L,
                new KernelConfig(Integer.getInteger("parallelism"), Duration.parse("5ms"), null, null),
                new MarketConfig(
                        new GeneratorConfig("restaurants", customers, services, 2),
                        null,
                        null,
                        new SearchConfig(mechanism, null, null, null)),
                new AgentsConfig(List.of(assistants), List.of(sellers)));
    }
}

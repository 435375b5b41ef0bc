package org.mercato.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mercato.agents.PolicyRegistry;
import org.mercato.agents.SyntheticWork;
import org.mercato.metrics.MetricsCollector;
import org.mercato.metrics.MetricsSettings;
import org.mercato.metrics.live.LiveMetrics;
import org.mercato.scenarios.model.AgentGroupConfig;
import org.mercato.scenarios.model.AgentsConfig;
import org.mercato.scenarios.model.Duration;
import org.mercato.scenarios.model.GeneratorConfig;
import org.mercato.scenarios.model.KernelConfig;
import org.mercato.scenarios.model.KernelMode;
import org.mercato.scenarios.model.MarketConfig;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.model.ThinkTimeConfig;
import org.mercato.scenarios.run.RunEnvironment;
import org.mercato.scenarios.run.WiredRun;
import org.mercato.sim.KernelSettings;
import org.mercato.sim.Simulation;
import org.mercato.sim.events.JsonlEventWriter;
import org.mercato.sim.kernel.KernelListener;
import org.mercato.sim.kernel.KernelStats;

/**
 * The kernel benchmark: a generated market of 10,000 assistants and 1,000 services, run by the
 * actor kernel and by the bare single-threaded loop in the same JVM, alternating, for two policy
 * weights (as they are, and with synthetic work per observation). Events go through the JSON
 * writer into a null stream, so serialization is counted. Prints events per second per mode and
 * the ratio actor/bare.
 *
 * <p>Arguments: {@code [customers] [services] [rounds] [workIterations] [parallelism]
 * [metrics-only]}; the last skips the actor/bare comparison and measures only what the live
 * metrics cost. {@code -Drolling=true} runs the actor side on the rolling kernel, {@code
 * -DagentsPerActor=N} fixes how many agents share an actor.
 */
public final class KernelBench {
    /**
     * Warm-up rounds before the measured ones ({@code -Dwarmups=N} changes it for this command). The
     * JIT compiler goes on compiling code that runs a few times per window (number formatting in the
     * event serializer, the dispatcher's and the event pipe's slower paths) for about ten rounds of
     * this market: after 2 warm-ups it took 50–530 ms inside each of the next six rounds, after 10
     * mostly under 40. The bare loop leaves the compiler a core of its own while the actor kernels
     * pay for it on their two, so rounds before that measure the compiler's tail, not the kernel.
     */
    static final int WARMUPS = 10;

    private KernelBench() {}

    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int services = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int work = args.length > 3 ? Integer.parseInt(args[3]) : 16_500;
        int parallelism = args.length > 4
                ? Integer.parseInt(args[4])
                : Runtime.getRuntime().availableProcessors();
        System.out.printf(
                Locale.ROOT,
                "market %d assistants x %d services, %d rounds, parallelism %d, %d cores%n",
                customers,
                services,
                rounds,
                parallelism,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(
                Locale.ROOT, "synthetic work: %d iterations = %.1f us per observation%n", work, workMicros(work));
        System.out.printf(
                Locale.ROOT,
                "machine ceiling: %d threads burning the same work with no coordination run %.2fx as fast as one%n",
                parallelism,
                ceiling(work, parallelism));
        if (!(args.length > 5 && args[5].equals("metrics-only"))) {
            boolean rolling = Boolean.getBoolean("rolling");
            for (int weight : new int[] {0, work}) {
                // with work, the ceiling is measured again after each round: its share compares
                // the kernel with what the machine allowed at that moment
                compare(
                                customers,
                                services,
                                Integer.getInteger("warmups", WARMUPS),
                                rounds,
                                weight,
                                parallelism,
                                !rolling,
                                rolling,
                                weight == 0 ? 0 : 40_000)
                        .print(System.out);
            }
        }
        for (int weight : new int[] {0, work}) {
            metricsCost(customers, services, rounds, parallelism, weight);
        }
    }

    /**
     * Wall time of the actor kernel with the live metrics (the metrics actor fed window by window,
     * and the summary it answers) against without; then the same with Magentic's baselines in the
     * summary, as a default run computes them. Rounds alternate without, with, with baselines.
     */
    private static void metricsCost(int customers, int services, int rounds, int parallelism, int work) {
        List<Double> ratios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        List<Double> directRatios = new ArrayList<>();
        List<Double> withBaselines = new ArrayList<>();
        List<Double> cpuWithBaselines = new ArrayList<>();
        List<Double> withoutMillis = new ArrayList<>();
        long batches = 0;
        for (int round = -2; round < rounds; round++) {
            Scenario scenario = scenario(customers, services, work, KernelMode.ACTORS, parallelism);
            Result without = runOnce(scenario, Metrics.NONE);
            Result live = runOnce(scenario, Metrics.ACTOR);
            Result direct = runOnce(scenario, Metrics.DIRECT);
            Result baselines = runOnce(scenario, Metrics.ACTOR_WITH_BASELINES);
            if (round >= 0) {
                withoutMillis.add(without.nanos / 1e6);
                ratios.add(live.nanos / (double) without.nanos);
                directRatios.add(direct.nanos / (double) without.nanos);
                cpuRatios.add(live.cpuNanos / (double) without.cpuNanos);
                withBaselines.add(baselines.nanos / (double) without.nanos);
                cpuWithBaselines.add(baselines.cpuNanos / (double) without.cpuNanos);
                batches = live.batches;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "live metrics (metrics actor, %d batches; %s, actor kernel; %.0f ms without):"
                        + " wall time with/without %.3f (rounds: %s); process CPU time with/without %.3f (rounds: %s)%n",
                batches,
                work == 0 ? "minimal agents" : "agents + " + work + " iterations of work",
                median(withoutMillis),
                median(ratios),
                join(ratios),
                median(cpuRatios),
                join(cpuRatios));
        System.out.printf(
                Locale.ROOT,
                "the same folds on the event-writer thread (no actor): wall time with/without %.3f (rounds: %s)%n",
                median(directRatios),
                join(directRatios));
        System.out.printf(
                Locale.ROOT,
                "live metrics with Magentic's baselines in the summary: wall time with/without %.3f (rounds: %s);"
                        + " process CPU time with/without %.3f (rounds: %s)%n",
                median(withBaselines),
                join(withBaselines),
                median(cpuWithBaselines),
                join(cpuWithBaselines));
    }

    private static String join(List<Double> ratios) {
        return String.join(
                " ",
                ratios.stream().map(r -> String.format(Locale.ROOT, "%.3f", r)).toList());
    }

    /** Speedup of `threads` independent threads over one on pure synthetic work: the hardware's own limit. */
    static double ceiling(int iterations, int threads) throws InterruptedException {
        return ceiling(iterations, threads, 40_000);
    }

    static double ceiling(int iterations, int threads, int calls) throws InterruptedException {
        long single = burnOn(1, iterations, calls);
        long parallel = burnOn(threads, iterations, calls * threads);
        return threads * (double) single / parallel;
    }

    private static long burnOn(int threads, int iterations, int totalCalls) throws InterruptedException {
        Thread[] workers = new Thread[threads];
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                SyntheticWork work = new SyntheticWork(iterations);
                for (int i = 0; i < totalCalls / threads; i++) {
                    work.burn(i);
                }
            });
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return System.nanoTime() - start;
    }

    static double workMicros(int iterations) {
        SyntheticWork work = new SyntheticWork(iterations);
        for (int i = 0; i < 2_000; i++) {
            work.burn(i);
        }
        int calls = 20_000;
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            work.burn(i);
        }
        return (System.nanoTime() - start) / 1e3 / calls;
    }

    /**
     * The actor kernel against the bare loop on one market: each round runs bare, then the actor
     * kernels asked for, windowed first in even rounds and rolling first in odd ones (so neither
     * always runs in the other's wake: its garbage, the code it had compiled), after {@code
     * warmups} rounds; medians of the rates.
     * Each timed part starts once the JIT compiler is idle ({@link Jit#awaitQuiet}), and the
     * compiler's time inside each round's timed parts is kept ({@link Comparison#jitMillis}): a new
     * actor system's spawning trips speculations in Pekko's mailbox code compiled during the run
     * before, and recompiling it inside a timed part takes the cores the actor kernel needs, while
     * the bare loop leaves the compiler a core of its own.
     * With {@code ceilingCalls > 0} each measured round ends by measuring the machine's ceiling
     * ({@link #ceiling(int, int, int)} with that many calls per thread), so each round's kernel
     * rates can be set against the ceiling of the same moment ({@link Comparison#shareOfCeiling}).
     */
    static Comparison compare(
            int customers,
            int services,
            int warmups,
            int rounds,
            int work,
            int parallelism,
            boolean windowed,
            boolean rolling,
            int ceilingCalls) {
        if (rounds < 1 || !(windowed || rolling)) {
            throw new IllegalArgumentException("a comparison needs a measured round and an actor kernel");
        }
        Rounds measured = new Rounds();
        for (int round = 0; round < warmups; round++) {
            round(customers, services, work, parallelism, windowed, rolling, round % 2 == 1, 0, null);
        }
        for (int round = 0; round < rounds; round++) {
            round(customers, services, work, parallelism, windowed, rolling, round % 2 == 1, ceilingCalls, measured);
        }
        return new Comparison(
                work,
                measured.last.events(),
                measured.last.windows(),
                measured.last.eventsPerWindow(),
                median(measured.bare),
                median(measured.windowed),
                median(measured.rolling),
                median(measured.actorCores),
                measured.bare,
                measured.windowed,
                measured.rolling,
                measured.ceilings,
                warmups,
                measured.jitMillis);
    }

    /** The measured rounds' figures. */
    private static final class Rounds {
        final List<Double> ceilings = new ArrayList<>();
        final List<Double> windowed = new ArrayList<>();
        final List<Double> rolling = new ArrayList<>();
        final List<Double> bare = new ArrayList<>();
        final List<Double> actorCores = new ArrayList<>();
        final List<Long> jitMillis = new ArrayList<>();
        KernelStats last;
    }

    /**
     * One round: bare, then the asked actor kernels (rolling first if {@code rollingFirst}), checked
     * to log the same bytes; their figures go to {@code into} (null: a warm-up) with the ceiling
     * measured after them when {@code ceilingCalls > 0}, with the compiler's milliseconds inside the
     * round's timed parts.
     */
    private static void round(
            int customers,
            int services,
            int work,
            int parallelism,
            boolean windowed,
            boolean rolling,
            boolean rollingFirst,
            int ceilingCalls,
            Rounds into) {
        Result bare = runOnce(scenario(customers, services, work, KernelMode.BARE, parallelism), false);
        long jit = bare.jitMillis;
        for (boolean roll : rollingFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
            if (roll ? !rolling : !windowed) {
                continue;
            }
            Result actors = runOnce(scenario(customers, services, work, KernelMode.ACTORS, parallelism), roll);
            if (bare.stats.events() != actors.stats.events() || bare.bytes != actors.bytes) {
                throw new IllegalStateException("actor and bare runs differ: " + bare + " vs " + actors);
            }
            jit += actors.jitMillis;
            if (into != null) {
                (roll ? into.rolling : into.windowed).add(actors.eventsPerSecond());
                into.actorCores.add(actors.coresBusy());
                into.last = actors.stats;
            }
        }
        if (into != null) {
            into.bare.add(bare.eventsPerSecond());
            into.jitMillis.add(jit);
            if (ceilingCalls > 0) {
                into.ceilings.add(ceilingQuietly(work, parallelism, ceilingCalls));
            }
        }
    }

    private static double ceilingQuietly(int work, int parallelism, int calls) {
        try {
            return ceiling(work, parallelism, calls);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * One market's rates: events per second of the bare loop and of the actor kernels (NaN for a
     * kernel not measured), with each measured round's rates (empty for a kernel not measured) and
     * the ceiling measured after it (empty when not measured).
     */
    record Comparison(
            int work,
            long events,
            long windows,
            double eventsPerWindow,
            double bareRate,
            double windowedRate,
            double rollingRate,
            double actorCores,
            List<Double> bareRounds,
            List<Double> windowedRounds,
            List<Double> rollingRounds,
            List<Double> ceilingRounds,
            int warmups,
            List<Long> jitMillis) {
        double actorRate() {
            return Double.isNaN(windowedRate) ? rollingRate : windowedRate;
        }

        List<Double> actorRounds() {
            return windowedRounds.isEmpty() ? rollingRounds : windowedRounds;
        }

        /**
         * The median over the rounds of the kernel's rate over that round's ceiling (the bare loop's
         * rate times what {@code parallelism} independent threads reached); NaN when not measured.
         */
        double shareOfCeiling(boolean rolling) {
            return median(sharesOfCeiling(rolling));
        }

        /**
         * A 95% bootstrap interval of {@link #shareOfCeiling} over the rounds, which says how far the
         * rounds' spread leaves a reading from the goal; null when not measured.
         */
        Bootstrap.Interval shareInterval(boolean rolling) {
            List<Double> shares = sharesOfCeiling(rolling);
            return shares.isEmpty() ? null : Bootstrap.median(shares);
        }

        /** Each round's rate over that round's ceiling; empty when not measured. */
        private List<Double> sharesOfCeiling(boolean rolling) {
            List<Double> rates = rolling ? rollingRounds : windowedRounds;
            if (rates.isEmpty() || ceilingRounds.size() != rates.size()) {
                return List.of();
            }
            List<Double> shares = new ArrayList<>();
            for (int round = 0; round < rates.size(); round++) {
                shares.add(rates.get(round) / (bareRounds.get(round) * ceilingRounds.get(round)));
            }
            return shares;
        }

        /** The median of the ceilings measured after each round; NaN when not measured. */
        double ceiling() {
            return median(ceilingRounds);
        }

        void print(PrintStream out) {
            String label = work == 0 ? "minimal agents" : "agents + " + work + " iterations of work";
            out.printf(
                    Locale.ROOT,
                    "%s: %d events, %d windows (%.0f events/window)%n  bare loop: %,.0f events/s  actor kernel: %,.0f events/s"
                            + "  ratio actor/bare: %.2f (rounds: bare %s, actors %s); actor kernel kept %.2f cores busy%n",
                    label,
                    events,
                    windows,
                    eventsPerWindow,
                    bareRate,
                    actorRate(),
                    actorRate() / bareRate,
                    format(bareRounds),
                    format(actorRounds()),
                    actorCores);
            out.printf(
                    Locale.ROOT,
                    "  after %d warm-up rounds; rolling kernel rounds %s; JIT compiler inside each measured round's timed"
                            + " parts: %s ms%n",
                    warmups,
                    rollingRounds.isEmpty() ? "-" : format(rollingRounds),
                    String.join(" ", jitMillis.stream().map(String::valueOf).toList()));
            if (!ceilingRounds.isEmpty()) {
                List<String> ceilings = new ArrayList<>();
                for (double ceiling : ceilingRounds) {
                    ceilings.add(String.format(Locale.ROOT, "%.2f", ceiling));
                }
                for (boolean rolling : new boolean[] {false, true}) {
                    if (!Double.isNaN(shareOfCeiling(rolling))) {
                        out.printf(
                                Locale.ROOT,
                                "  %s kernel / ceiling of the same round: %.3f (median of rounds; ceilings %s)%n",
                                rolling ? "rolling" : "windowed",
                                shareOfCeiling(rolling),
                                String.join(" ", ceilings));
                    }
                }
            }
        }
    }

    /** One timed run; {@code jitMillis}: the compiler's time inside the timed part. */
    private record Result(KernelStats stats, long nanos, long cpuNanos, long jitMillis, long bytes, long batches) {
        double eventsPerSecond() {
            return stats.events() / (nanos / 1e9);
        }

        /** Cores kept busy on average: process CPU time over wall time. */
        double coresBusy() {
            return cpuNanos / (double) nanos;
        }
    }

    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
    }

    private static Result runOnce(Scenario scenario, boolean rolling) {
        return runOnce(scenario, Metrics.NONE, rolling);
    }

    private static Result runOnce(Scenario scenario, Metrics metrics) {
        // -Drolling=true: the actor runs use the rolling kernel (the bare loop stays the windowed reference)
        return runOnce(scenario, metrics, Boolean.getBoolean("rolling"));
    }

    /**
     * How a run computes its metrics: not at all, in the metrics actor, also with the baselines, or
     * with the folds as a plain sink on the event-writer thread (for comparison).
     */
    private enum Metrics {
        NONE,
        ACTOR,
        ACTOR_WITH_BASELINES,
        DIRECT
    }

    private static Result runOnce(Scenario scenario, Metrics metrics, boolean rolling) {
        var wired = WiredRun.setup(scenario, RunEnvironment.of(PolicyRegistry.builtIn()));
        var kernel = rolling && wired.kernel().mode() == KernelSettings.Mode.ACTORS
                ? wired.kernel().withRolling(true)
                : wired.kernel();
        // -DagentsPerActor=N fixes the actor kernel's grouping of agents (0, the default: the kernel's choice)
        var setup = wired.withKernel(kernel.withAgentsPerActor(Integer.getInteger("agentsPerActor", 0)));
        CountingStream out = new CountingStream();
        KernelStats stats;
        long start;
        long cpuStart;
        long wall;
        long cpu;
        long jitStart;
        long jit;
        // like the kernel's actor system, the metrics actor's starts and stops outside the timed part
        MetricsCollector direct = metrics == Metrics.DIRECT ? new MetricsCollector() : null;
        LiveMetrics live = metrics == Metrics.NONE || metrics == Metrics.DIRECT
                ? null
                : LiveMetrics.start(
                        metrics == Metrics.ACTOR_WITH_BASELINES
                                ? MetricsSettings.withBaselines(scenario.seed())
                                : MetricsSettings.NO_BASELINES);
        try (JsonlEventWriter writer = new JsonlEventWriter(out);
                var prepared = Simulation.prepare(
                        setup,
                        live != null
                                ? List.of(writer, live)
                                : direct != null ? List.of(writer, direct) : List.of(writer),
                        live != null ? live : KernelListener.NONE)) {
            // what setting up queued (configuration, spawning actors) is compiled before the clock starts
            Jit.awaitQuiet();
            jitStart = Jit.millis();
            cpuStart = processCpuNanos();
            start = System.nanoTime(); // agents are started: time the kernel loop and the log only
            stats = prepared.run();
            if (live != null) {
                live.metrics(); // the summary is part of the cost
            }
            if (direct != null) {
                direct.metrics();
            }
            wall = System.nanoTime() - start;
            cpu = processCpuNanos() - cpuStart;
            jit = Jit.millis() - jitStart;
        } finally {
            if (live != null) {
                live.close();
            }
        }
        return new Result(stats, wall, cpu, jit, out.count, live == null ? 0 : live.batches());
    }

    static Scenario scenario(int customers, int services, int work, KernelMode mode, int parallelism) {
        AgentGroupConfig assistants = new AgentGroupConfig(
                "rational",
                null,
                Map.of("inquiries", 3, "patience", "30s"),
                ThinkTimeConfig.of(null, Duration.parse("20ms"), null, Duration.parse("200ms"), 0.5),
                work);
        AgentGroupConfig sellers = new AgentGroupConfig(
                "posted-price",
                null,
                Map.of(),
                ThinkTimeConfig.of(null, Duration.parse("50ms"), Duration.parse("2s"), null, null),
                work);
        return new Scenario(
                "kernel-bench",
                null,
                7L,
                new KernelConfig(parallelism, Duration.parse("5ms"), null, mode),
                new MarketConfig(new GeneratorConfig("restaurants", customers, services, 2), null, null, null),
                new AgentsConfig(List.of(assistants), List.of(sellers)));
    }

    /** The median, NaN for no values. */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String format(List<Double> rates) {
        List<String> out = new ArrayList<>();
        for (double rate : rates) {
            out.add(String.format(Locale.ROOT, "%.0fk", rate / 1e3));
        }
        return String.join(" ", out);
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}

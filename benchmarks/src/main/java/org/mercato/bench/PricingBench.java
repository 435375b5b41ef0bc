package org.mercato.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mercato.sim.events.PricingEpisodeEvent;
import org.mercato.sim.pricing.Convergence;
import org.mercato.sim.pricing.Impulse;
import org.mercato.sim.pricing.LogitDemand;
import org.mercato.sim.pricing.PricerFactory;
import org.mercato.sim.pricing.PricingGame;
import org.mercato.sim.pricing.PricingRun;
import org.mercato.sim.pricing.PricingSetup;
import org.mercato.sim.pricing.QLearningPricer;

/**
 * The analytic pricing engine on Calvano et al.'s baseline (n = 2, a = 2, a0 = 0, mu = 0.25, c =
 * 1, m = 15, xi = 0.1, k = 1, alpha = 0.15, beta = 4e-6, delta = 0.95, 100,000 stable periods,
 * cap 10^7): a warm-up episode, then {@code episodes} episodes on 1 thread and on {@code threads};
 * prints the wall and process CPU time, the periods per second of each, the wall time per episode, the share converged and the mean
 * profit gain (the same on both runs: the log does not depend on the thread count).
 *
 * <p>Arguments: {@code [episodes (8)] [threads (2)] [beta (4e-6)]}.
 */
public final class PricingBench {
    private PricingBench() {}

    public static void main(String[] args) {
        int episodes = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        double beta = args.length > 2 ? Double.parseDouble(args[2]) : 4e-6;
        PricingGame game = PricingGame.of(LogitDemand.symmetric(2, 2, 1, 0, 0.25), 15, 0.1, 1);
        PricerFactory q = QLearningPricer.factory(0.15, beta, 0.95);
        System.out.printf(
                Locale.ROOT,
                "Calvano baseline, beta %.1e, %d episodes, %d cores%n",
                beta,
                episodes,
                Runtime.getRuntime().availableProcessors());
        measure(game, q, 1, 1, "warm-up", System.out);
        measure(game, q, episodes, 1, "1 thread", System.out);
        measure(game, q, episodes, threads, threads + " threads", System.out);
    }

    /** Runs {@code episodes} of Calvano et al.'s baseline on {@code threads} and prints one line. */
    static Measurement measure(int episodes, int threads, double beta, PrintStream out) {
        PricingGame game = PricingGame.of(LogitDemand.symmetric(2, 2, 1, 0, 0.25), 15, 0.1, 1);
        return measure(game, QLearningPricer.factory(0.15, beta, 0.95), episodes, threads, threads + " threads", out);
    }

    /** Wall and CPU seconds of the episodes, the periods they ran, how many converged, the mean gain. */
    record Measurement(double seconds, double cpuSeconds, long periods, long converged, double meanGain) {
        double periodsPerSecond() {
            return periods / seconds;
        }
    }

    private static Measurement measure(
            PricingGame game, PricerFactory q, int episodes, int threads, String label, PrintStream out) {
        PricingSetup setup = new PricingSetup(
                game, List.of(q, q), new Convergence(100_000, 10_000_000), new Impulse(0, 15), 100_000, episodes, 2020);
        List<PricingEpisodeEvent> ends = new ArrayList<>();
        var os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        PricingRun.run(setup, threads, 0, 0, List.of(logged -> {
            if (logged.event() instanceof PricingEpisodeEvent end) {
                ends.add(end);
            }
        }));
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
        long periods = ends.stream().mapToLong(PricingEpisodeEvent::periods).sum();
        long converged = ends.stream().filter(PricingEpisodeEvent::converged).count();
        double gain =
                ends.stream().mapToDouble(PricingEpisodeEvent::gain).average().orElse(Double.NaN);
        out.printf(
                Locale.ROOT,
                "%-9s %.2f s (cpu %.2f s), %.2f s per episode, %,d periods (%.0f per episode), %.2f M periods/s,"
                        + " %.2f M per cpu second, %d/%d converged, mean gain %.3f%n",
                label,
                seconds,
                cpuSeconds,
                seconds / episodes,
                periods,
                (double) periods / episodes,
                periods / seconds / 1e6,
                periods / cpuSeconds / 1e6,
                converged,
                episodes,
                gain);
        return new Measurement(seconds, cpuSeconds, periods, converged, gain);
    }
}

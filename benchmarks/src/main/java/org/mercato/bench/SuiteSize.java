package org.mercato.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * How big each benchmark of the suite runs: {@link #full} (seven to eight minutes on two cores),
 * {@link #quick} (under a minute) and {@link #tiny} (seconds, for the suite's own test).
 * {@code root} is the checkout (it holds {@code scenarios/}); {@code launcher} the command that
 * starts the CLI (the {@code mercato} script).
 */
record SuiteSize(
        String name,
        Path root,
        List<String> launcher,
        Kernel kernel,
        Scale scale,
        Llm llm,
        Sweep sweep,
        Output output,
        int pricingEpisodes,
        int startupRepetitions,
        boolean startupWarmup,
        Render render) {

    /**
     * The generated market of KernelBench, measured rounds after warm-ups, work iterations per
     * observation. The full suite measures 9 rounds, as issue 21 measured its figures: the median of
     * 3 moved by ±4% from suite to suite, more than the goal's margin.
     */
    record Kernel(int customers, int services, int warmups, int rounds, int work, int ceilingCalls) {}

    /** scenarios/scale-1m.yaml at this size, in a child JVM with this heap. */
    record Scale(int customers, int services, String heap) {}

    /** LlmBench: at least {@code warmups} warm-up recordings, more while the JIT is busy, up to {@code maxWarmups}. */
    record Llm(int customers, int services, long delayMillis, int limit, int warmups, int maxWarmups, int runs) {}

    record Sweep(int replicates, int customers, boolean cluster, boolean warmup) {}

    record Output(int customers, int services, int rounds, int processRounds) {}

    /** StorefrontBench: distinct 2 x 4 pages screenshot once, then each {@code repeats} times from the cache. */
    record Render(int pages, int repeats) {}

    static final int FULL_KERNEL_CUSTOMERS = 10_000;
    static final int FULL_KERNEL_SERVICES = 1_000;
    static final int FULL_KERNEL_ROUNDS = 9;
    static final int FULL_SCALE_CUSTOMERS = 1_000_000;
    static final int FULL_SCALE_SERVICES = 100_000;

    static SuiteSize full(Path root) {
        return new SuiteSize(
                "full",
                root,
                List.of(root.resolve("mercato").toString()),
                new Kernel(
                        FULL_KERNEL_CUSTOMERS,
                        FULL_KERNEL_SERVICES,
                        KernelBench.WARMUPS,
                        FULL_KERNEL_ROUNDS,
                        16_500,
                        40_000),
                new Scale(100_000, 10_000, "4g"),
                new Llm(100, 300, 200, 64, 5, 40, 3),
                new Sweep(10, 20, true, true),
                new Output(20_000, 400, 3, 9),
                8,
                3,
                true,
                new Render(40, 5));
    }

    static SuiteSize quick(Path root) {
        return new SuiteSize(
                "quick",
                root,
                List.of(root.resolve("mercato").toString()),
                new Kernel(2_000, 200, 1, 1, 16_500, 10_000),
                new Scale(10_000, 1_000, "2g"),
                new Llm(50, 150, 100, 32, 1, 1, 1),
                new Sweep(1, 20, false, false),
                new Output(20_000, 400, 1, 2),
                2,
                1,
                true,
                new Render(16, 5));
    }

    /** Every code path of the suite in seconds, with {@code launcher} for the startup rows. */
    static SuiteSize tiny(Path root, List<String> launcher) {
        return new SuiteSize(
                "tiny",
                root,
                launcher,
                new Kernel(100, 20, 0, 1, 200, 500),
                new Scale(100, 20, "512m"),
                new Llm(6, 10, 5, 4, 0, 0, 1),
                new Sweep(1, 6, false, false),
                new Output(100, 20, 1, 1),
                1,
                1,
                false,
                new Render(2, 2));
    }

    /**
     * Whether the kernel rows measure issue 21's benchmark (its market, 9 rounds), whose goal they
     * hold; the quick suite's smaller market and single round measure something else.
     */
    boolean kernelIsFull() {
        return kernel.customers() >= FULL_KERNEL_CUSTOMERS
                && kernel.services() >= FULL_KERNEL_SERVICES
                && kernel.rounds() >= FULL_KERNEL_ROUNDS;
    }

    boolean scaleIsFull() {
        return scale.customers() >= FULL_SCALE_CUSTOMERS && scale.services() >= FULL_SCALE_SERVICES;
    }
}

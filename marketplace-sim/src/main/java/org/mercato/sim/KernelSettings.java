package org.mercato.sim;

/**
 * How the kernel runs: the master seed, the network delay added to every reaction (microseconds),
 * the virtual-time horizon, how many threads run agents, and whether agents run as actors or in
 * the bare single-threaded loop (the reference).
 */
public record KernelSettings(long seed, long networkDelay, long horizon, int parallelism, Mode mode) {
    public enum Mode {
        ACTORS,
        BARE
    }

    public KernelSettings {
        if (networkDelay < 0) {
            throw new IllegalArgumentException("network delay must be >= 0");
        }
        if (horizon <= 0) {
            throw new IllegalArgumentException("horizon must be > 0");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1");
        }
    }

    public static KernelSettings defaults(long seed) {
        return new KernelSettings(
                seed, 1_000, Long.MAX_VALUE, Runtime.getRuntime().availableProcessors(), Mode.ACTORS);
    }

    public KernelSettings withParallelism(int threads) {
        return new KernelSettings(seed, networkDelay, horizon, threads, mode);
    }

    public KernelSettings withMode(Mode newMode) {
        return new KernelSettings(seed, networkDelay, horizon, parallelism, newMode);
    }
}

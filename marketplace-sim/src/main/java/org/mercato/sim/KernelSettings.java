package org.mercato.sim;

/**
 * How the kernel runs: the master seed, the network delay added to every reaction (microseconds),
 * the virtual-time horizon, how many threads run agents, whether agents run as actors or in the
 * bare single-threaded loop (the reference), and whether the kernel rolls its safe horizon
 * ({@code RollingKernel}, for agents whose reactions take wall time) instead of running windows
 * with a barrier. None of these but the seed, the delay and the horizon changes the event log.
 */
public record KernelSettings(long seed, long networkDelay, long horizon, int parallelism, Mode mode, boolean rolling) {
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

    public KernelSettings(long seed, long networkDelay, long horizon, int parallelism, Mode mode) {
        this(seed, networkDelay, horizon, parallelism, mode, false);
    }

    public static KernelSettings defaults(long seed) {
        return new KernelSettings(
                seed, 1_000, Long.MAX_VALUE, Runtime.getRuntime().availableProcessors(), Mode.ACTORS);
    }

    public KernelSettings withParallelism(int threads) {
        return new KernelSettings(seed, networkDelay, horizon, threads, mode, rolling);
    }

    public KernelSettings withMode(Mode newMode) {
        return new KernelSettings(seed, networkDelay, horizon, parallelism, newMode, rolling);
    }

    public KernelSettings withRolling(boolean roll) {
        return new KernelSettings(seed, networkDelay, horizon, parallelism, mode, roll);
    }
}

package org.mercato.sim;

/**
 * How the kernel runs: the master seed, the network delay added to every reaction (microseconds),
 * the virtual-time horizon, how many threads run agents, whether agents run as actors or in the
 * bare single-threaded loop (the reference), and whether the kernel rolls its safe horizon
 * per agent ({@code RollingKernel}, for agents whose reactions take wall time) instead of bounding
 * each dispatch of a window's agents ({@code Kernel}), and how many agents share one actor ({@code agentsPerActor}, 0 for the kernel's
 * choice: see {@code ActorDispatcher}). None of these but the seed, the delay and the horizon
 * changes the event log.
 */
public record KernelSettings(
        long seed, long networkDelay, long horizon, int parallelism, Mode mode, boolean rolling, int agentsPerActor) {
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
        if (agentsPerActor < 0) {
            throw new IllegalArgumentException("agents per actor must be >= 0 (0: the kernel's choice)");
        }
    }

    public KernelSettings(long seed, long networkDelay, long horizon, int parallelism, Mode mode, boolean rolling) {
        this(seed, networkDelay, horizon, parallelism, mode, rolling, 0);
    }

    public KernelSettings(long seed, long networkDelay, long horizon, int parallelism, Mode mode) {
        this(seed, networkDelay, horizon, parallelism, mode, false);
    }

    public static KernelSettings defaults(long seed) {
        return new KernelSettings(
                seed, 1_000, Long.MAX_VALUE, Runtime.getRuntime().availableProcessors(), Mode.ACTORS);
    }

    public KernelSettings withParallelism(int threads) {
        return new KernelSettings(seed, networkDelay, horizon, threads, mode, rolling, agentsPerActor);
    }

    public KernelSettings withMode(Mode newMode) {
        return new KernelSettings(seed, networkDelay, horizon, parallelism, newMode, rolling, agentsPerActor);
    }

    public KernelSettings withRolling(boolean roll) {
        return new KernelSettings(seed, networkDelay, horizon, parallelism, mode, roll, agentsPerActor);
    }

    /**
     * For agents whose reactions block their thread while they wait (language models, outside
     * agents): the rolling kernel, so a slow reaction holds back only what depends on it, and one
     * agent per actor unless the grouping is fixed, so agents never wait for each other's calls.
     * Behavioural agents share actors on either kernel: one actor per agent costs the rolling kernel
     * a message and a mailbox per agent, and G1 the refinement of the cards those mailboxes dirty.
     */
    public KernelSettings forBlockingAgents() {
        KernelSettings rolls = withRolling(true);
        return agentsPerActor == 0 ? rolls.withAgentsPerActor(1) : rolls;
    }

    /** With {@code agents} agents sharing each actor (0: the kernel's choice). */
    public KernelSettings withAgentsPerActor(int agents) {
        return new KernelSettings(seed, networkDelay, horizon, parallelism, mode, rolling, agents);
    }
}

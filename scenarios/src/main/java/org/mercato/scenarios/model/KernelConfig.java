package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Kernel settings. {@code parallelism}: threads that run agents (default: the number of cores).
 * {@code networkDelay}: added to every reaction. {@code horizon}: virtual time at which the run
 * stops. {@code mode}: {@code actors} (default) or {@code bare} (the single-threaded reference loop).
 * {@code rolling}: {@code true} runs the rolling kernel (a bound per agent from its next think time:
 * an agent's observation goes out as soon as it is safe), which pays when single reactions take long
 * and uneven wall time; same bytes as the windowed kernel. Runs with language-model or outside agents
 * always roll, and refuse {@code false}. Absent: the windowed kernel for behavioural runs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"parallelism", "networkDelay", "horizon", "mode", "rolling"})
public record KernelConfig(
        Integer parallelism, Duration networkDelay, Duration horizon, KernelMode mode, Boolean rolling) {
    public static final KernelConfig DEFAULT = new KernelConfig(null, null, null, null, null);

    public KernelConfig {
        if (parallelism != null && parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
        }
        if (horizon != null && horizon.micros() <= 0) {
            throw new IllegalArgumentException("horizon must be > 0");
        }
    }

    /** The kernel the scenario leaves to the run: windowed for behavioural agents. */
    public KernelConfig(Integer parallelism, Duration networkDelay, Duration horizon, KernelMode mode) {
        this(parallelism, networkDelay, horizon, mode, null);
    }

    public int parallelismOrDefault() {
        return parallelism != null ? parallelism : Runtime.getRuntime().availableProcessors();
    }

    public long networkDelayMicros() {
        return networkDelay != null ? networkDelay.micros() : 1_000;
    }

    public long horizonMicros() {
        return horizon != null ? horizon.micros() : 24L * 3_600_000_000L;
    }

    public KernelMode modeOrDefault() {
        return mode != null ? mode : KernelMode.ACTORS;
    }
}

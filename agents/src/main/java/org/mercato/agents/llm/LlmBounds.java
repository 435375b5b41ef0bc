package org.mercato.agents.llm;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent group's bounds on its model use: at most {@code turns} model turns and {@code calls}
 * model calls (tool-error retries included) per agent (per customer conversation for a service),
 * and the run's {@link RunBudget} charged through the group's {@link RunBudget.Meter}. Reaching one
 * ends the agent with {@code done} reason {@link #TURNS} or {@link #CALLS} (or the run bound's
 * reason). The first agent of the group to reach a bound is logged as a warning, later ones at
 * debug level; {@code where} names the bounds' key in the scenario.
 */
public final class LlmBounds {
    private static final Logger log = LoggerFactory.getLogger(LlmBounds.class);

    public static final String TURNS = "limit:turns";
    public static final String CALLS = "limit:calls";
    public static final int DEFAULT_TURNS = 100;
    public static final int DEFAULT_CALLS = 300;

    private final int turns;
    private final int calls;
    private final RunBudget.Meter run;
    private final String where;
    private final AtomicBoolean turnsLogged = new AtomicBoolean();
    private final AtomicBoolean callsLogged = new AtomicBoolean();

    public LlmBounds(int turns, int calls, RunBudget.Meter run, String where) {
        if (turns < 1 || calls < 1) {
            throw new IllegalArgumentException("bounds on turns and calls must be >= 1");
        }
        this.turns = turns;
        this.calls = calls;
        this.run = Objects.requireNonNull(run, "run");
        this.where = Objects.requireNonNull(where, "where");
    }

    /** The default bounds per agent, with no run-wide bound. */
    public static LlmBounds defaults() {
        return new LlmBounds(DEFAULT_TURNS, DEFAULT_CALLS, RunBudget.unlimited().meter(null, null), "llm.limits");
    }

    public int turns() {
        return turns;
    }

    public int calls() {
        return calls;
    }

    RunBudget.Meter run() {
        return run;
    }

    /** Logs that {@code who} reached the per-agent bound with {@code reason}. */
    void reached(String reason, String who) {
        boolean isTurns = reason.equals(TURNS);
        AtomicBoolean logged = isTurns ? turnsLogged : callsLogged;
        String key = where + (isTurns ? ".turns" : ".calls");
        int value = isTurns ? turns : calls;
        if (logged.compareAndSet(false, true)) {
            log.warn(
                    "{} reached {} = {} ({}); later agents of its group that reach it are logged at debug level",
                    who,
                    key,
                    value,
                    reason);
        } else {
            log.debug("{} reached {} = {} ({})", who, key, value, reason);
        }
    }
}

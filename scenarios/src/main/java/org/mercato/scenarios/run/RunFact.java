package org.mercato.scenarios.run;

import java.util.function.Function;

/**
 * A block of {@code summary.json} that the event log cannot tell (the kernel's statistics, the
 * search cache, the cost of model calls, times): read from the live run, and carried over from the
 * old {@code summary.json} by {@code mercato report} (as {@code type}; null when there is none).
 */
public final class RunFact implements SummaryPart {
    private final String key;
    private final Class<?> type;
    private final boolean writesNull;
    private final Function<LiveRun, Object> live;
    private final Function<SummarySource, Object> reread;

    private RunFact(
            String key,
            Class<?> type,
            boolean writesNull,
            Function<LiveRun, Object> live,
            Function<SummarySource, Object> reread) {
        this.key = key;
        this.type = type;
        this.writesNull = writesNull;
        this.live = live;
        this.reread = reread;
    }

    /** A fact left out of the summary when null. */
    public static RunFact of(String key, Class<?> type, Function<LiveRun, Object> live) {
        return new RunFact(key, type, false, live, null);
    }

    /** A fact written as {@code null} when unknown. */
    public static RunFact orNull(String key, Class<?> type, Function<LiveRun, Object> live) {
        return new RunFact(key, type, true, live, null);
    }

    /** This fact, computed in {@code mercato report} by {@code reread} rather than carried over. */
    public RunFact rereadAs(Function<SummarySource, Object> reread) {
        return new RunFact(key, type, writesNull, live, reread);
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public boolean writesNull() {
        return writesNull;
    }

    @Override
    public Object value(SummarySource source) {
        if (source.live() != null) {
            return live.apply(source.live());
        }
        return reread != null ? reread.apply(source) : source.carried(key, type);
    }
}

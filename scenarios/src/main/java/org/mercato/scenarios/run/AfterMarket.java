package org.mercato.scenarios.run;

import java.util.List;
import java.util.function.LongSupplier;
import org.mercato.sim.events.EventSink;

/**
 * Where the market's log ended, for a feature that runs after it ({@link RunFeature#afterMarket}):
 * its last virtual time, the next sequence number, the sinks (the log, then every fold), and where
 * to say what the run is doing now ({@link Progress}: the console's progress line).
 */
public record AfterMarket(long lastTime, long nextSeq, List<EventSink> sinks, Progress progress) {
    /** After the market, with no progress shown. */
    public AfterMarket(long lastTime, long nextSeq, List<EventSink> sinks) {
        this(lastTime, nextSeq, sinks, (name, unit, done) -> {});
    }

    /** What the run is doing: {@code name}, and how far, {@code done} counted in {@code unit}. */
    @FunctionalInterface
    public interface Progress {
        void phase(String name, String unit, LongSupplier done);
    }
}

package org.mercato.scenarios.run;

import java.util.function.Function;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.kernel.KernelListener;

/**
 * A block of {@code summary.json} folded from the event log: the live run feeds it every event (and
 * the end of every kernel window), {@code mercato report} every event of the saved log, so both get
 * the same block. {@link #endOfLog()} comes after the last event, {@link #close()} after the summary
 * was built (or the run failed).
 */
public interface SummaryFold extends SummaryPart, EventSink, KernelListener, AutoCloseable {
    @Override
    default void windowDone(long virtualTime, long events) {}

    /** After the log's last event, before {@link #value}: finish what is still being folded. */
    default void endOfLog() {}

    @Override
    default void close() {}

    /** The block under {@code key} that {@code value} reads from {@code fold} after the log. */
    static SummaryFold over(String key, EventSink fold, Function<SummarySource, Object> value) {
        return new SummaryFold() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public void accept(LoggedEvent event) {
                fold.accept(event);
            }

            @Override
            public Object value(SummarySource source) {
                return value.apply(source);
            }
        };
    }
}

package org.mercato.sim.kernel;

import java.util.ArrayList;
import java.util.List;
import org.mercato.sim.events.Event;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.LoggedEvent;

/**
 * The events a kernel records: numbered in log order, buffered, and handed to the sinks in bulk
 * through an {@link EventPipe} (on a writer thread when agents run in parallel, else inline).
 */
final class RecordedEvents {
    private final EventPipe pipe;
    private List<LoggedEvent> unwritten = new ArrayList<>();
    private long recorded;

    RecordedEvents(List<EventSink> sinks, boolean parallel) {
        this.pipe = parallel ? EventPipe.background(List.copyOf(sinks)) : EventPipe.inline(List.copyOf(sinks));
    }

    /** Buffers {@code event} at {@code time} and returns its number in the log. */
    long record(long time, Event event) {
        long seq = recorded++;
        unwritten.add(new LoggedEvent(time, seq, event));
        return seq;
    }

    /** Hands the buffered events to the pipe. */
    void publish() {
        if (!unwritten.isEmpty()) {
            int size = unwritten.size();
            pipe.publish(unwritten);
            unwritten = new ArrayList<>(size + (size >> 2));
        }
    }

    /** Publishes the rest and waits until every sink has seen every event. */
    void finish() {
        publish();
        pipe.finish();
    }

    /** Events recorded so far. */
    long count() {
        return recorded;
    }
}

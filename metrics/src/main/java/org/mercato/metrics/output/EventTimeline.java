package org.mercato.metrics.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.LongConsumer;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.LoggedEvent;

/**
 * The virtual time of every event of a run, in log order, for the report's timeline of market
 * activity. A run keeps it as its log is written (an {@link EventSink}), so the report need not read
 * back a log of gigabytes (scale-1m: 11.5 million events, 1-2 s); {@code mercato report} reads it
 * from the log ({@link #read}). Each time is stored as the zigzag varint of its difference from
 * the one before, one byte for most events. Not thread-safe: one thread records, and others read
 * only after it is done.
 */
public final class EventTimeline implements EventSink {
    private byte[] bytes = new byte[4096];
    private int length;
    private long count;
    private long previous;
    private long latest = Long.MIN_VALUE;

    /** The times of every line of {@code eventLog} ({@link EventTimes}). */
    public static EventTimeline read(Path eventLog) throws IOException {
        EventTimeline timeline = new EventTimeline();
        for (long t : EventTimes.read(eventLog)) {
            timeline.add(t);
        }
        return timeline;
    }

    @Override
    public void accept(LoggedEvent event) {
        add(event.t());
    }

    void add(long t) {
        if (bytes.length - length < 10) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        long delta = t - previous;
        long zigzag = (delta << 1) ^ (delta >> 63);
        while ((zigzag & ~0x7FL) != 0) {
            bytes[length++] = (byte) ((zigzag & 0x7F) | 0x80);
            zigzag >>>= 7;
        }
        bytes[length++] = (byte) zigzag;
        previous = t;
        latest = Math.max(latest, t);
        count++;
    }

    /** Events recorded. */
    public long count() {
        return count;
    }

    /** The latest time recorded (not always the last event's: the log is in sequence order). */
    public long latest() {
        return latest;
    }

    /** Every time in log order. */
    public void forEach(LongConsumer action) {
        long t = 0;
        int i = 0;
        while (i < length) {
            long zigzag = 0;
            int shift = 0;
            byte b;
            do {
                b = bytes[i++];
                zigzag |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            t += (zigzag >>> 1) ^ -(zigzag & 1);
            action.accept(t);
        }
    }
}

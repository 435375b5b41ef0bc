package org.mercato.sim.kernel;

import java.util.Arrays;
import org.mercato.sim.schedule.Scheduled;

/**
 * The kernel's pending items as a binary min-heap on (time, agent, seq). Keys live in primitive
 * arrays next to each other, so sifting touches no item objects; with tens of thousands of
 * pending wake-ups this is most of the kernel's sequential time. Agent and seq are packed into one
 * long: agent in the high half, seq in the low half. An agent's own items use seqs below
 * {@link Scheduled#MARKET_SEQ_BASE} (2^31), the market's timers for it the range from there to 2^32.
 */
final class ScheduleQueue {
    private long[] times = new long[1024];
    private long[] ties = new long[1024];
    private Scheduled[] items = new Scheduled[1024];
    private int size;

    /** An independent copy, to read the items in order without taking them. */
    ScheduleQueue copy() {
        ScheduleQueue copy = new ScheduleQueue();
        copy.times = times.clone();
        copy.ties = ties.clone();
        copy.items = items.clone();
        copy.size = size;
        return copy;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** Time of the earliest item; the queue must not be empty. */
    long peekTime() {
        return times[0];
    }

    void add(Scheduled item) {
        boolean timer = item instanceof Scheduled.MarketTimerAt;
        long low = timer ? Scheduled.MARKET_SEQ_BASE : 0;
        long high = timer ? Scheduled.MAX_SEQ : Scheduled.MARKET_SEQ_BASE - 1;
        if (item.seq() < low || item.seq() > high) {
            throw new IllegalStateException("per-agent sequence number out of range: " + item);
        }
        if (size == items.length) {
            int capacity = size * 2;
            times = Arrays.copyOf(times, capacity);
            ties = Arrays.copyOf(ties, capacity);
            items = Arrays.copyOf(items, capacity);
        }
        long time = item.time();
        long tie = ((long) item.agent() << 32) | item.seq();
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(time, tie, times[parent], ties[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        put(i, time, tie, item);
    }

    Scheduled poll() {
        Scheduled first = items[0];
        int last = --size;
        long time = times[last];
        long tie = ties[last];
        Scheduled item = items[last];
        items[last] = null;
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && less(times[right], ties[right], times[child], ties[child])) {
                child = right;
            }
            if (!less(times[child], ties[child], time, tie)) {
                break;
            }
            move(child, i);
            i = child;
        }
        if (size > 0) {
            put(i, time, tie, item);
        }
        return first;
    }

    private static boolean less(long time, long tie, long otherTime, long otherTie) {
        return time < otherTime || (time == otherTime && tie < otherTie);
    }

    private void move(int from, int to) {
        times[to] = times[from];
        ties[to] = ties[from];
        items[to] = items[from];
    }

    private void put(int i, long time, long tie, Scheduled item) {
        times[i] = time;
        ties[i] = tie;
        items[i] = item;
    }
}

package org.mercato.sim.kernel;

import java.util.Map;
import java.util.TreeMap;
import org.mercato.sim.schedule.Scheduled;

/**
 * The kernel's pending items in the order (time, agent, seq). Agent and seq are packed into one
 * long: agent in the high half, seq in the low half. An agent's own items use seqs below {@link
 * Scheduled#MARKET_SEQ_BASE} (2^31), the market's timers for it the range from there to 2^32.
 *
 * <p>Two levels, because one heap of millions of pending items (a million-customer market) spends
 * most of the kernel's sequential time in cache misses while sifting: items are kept in buckets of
 * {@value #BUCKET_MICROS} µs of virtual time, each a small {@link KeyHeap}; the earliest bucket is
 * the one items are taken from. Every item in a later bucket is later than every item in the
 * current one, so the order is exactly that of a single heap.
 */
final class ScheduleQueue {
    private static final int BUCKET_SHIFT = 10;
    static final long BUCKET_MICROS = 1L << BUCKET_SHIFT;

    private final TreeMap<Long, KeyHeap> later;
    private KeyHeap current = new KeyHeap();
    /** Items of buckets below this index belong to {@link #current}. */
    private long currentEnd = Long.MIN_VALUE;

    private long lastBucket = Long.MIN_VALUE;
    private KeyHeap lastHeap;
    private int size;

    ScheduleQueue() {
        this.later = new TreeMap<>();
    }

    private ScheduleQueue(ScheduleQueue from) {
        this.later = new TreeMap<>();
        from.later.forEach((bucket, heap) -> later.put(bucket, heap.copy()));
        this.current = from.current.copy();
        this.currentEnd = from.currentEnd;
        this.size = from.size;
    }

    /** An independent copy, to read the items in order without taking them. */
    ScheduleQueue copy() {
        return new ScheduleQueue(this);
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** Time of the earliest item; the queue must not be empty. */
    long peekTime() {
        return earliest().peekTime();
    }

    void add(Scheduled item) {
        boolean timer = item instanceof Scheduled.MarketTimerAt;
        long low = timer ? Scheduled.MARKET_SEQ_BASE : 0;
        long high = timer ? Scheduled.MAX_SEQ : Scheduled.MARKET_SEQ_BASE - 1;
        if (item.seq() < low || item.seq() > high) {
            throw new IllegalStateException("per-agent sequence number out of range: " + item);
        }
        long time = item.time();
        long tie = ((long) item.agent() << 32) | item.seq();
        size++;
        long bucket = time >> BUCKET_SHIFT;
        if (bucket < currentEnd) {
            current.add(time, tie, item);
            return;
        }
        if (bucket != lastBucket || lastHeap == null) {
            lastHeap = later.computeIfAbsent(bucket, b -> new KeyHeap());
            lastBucket = bucket;
        }
        lastHeap.add(time, tie, item);
    }

    Scheduled poll() {
        Scheduled first = earliest().poll();
        size--;
        return first;
    }

    /** The heap holding the earliest item: the current bucket, or the next one once it is empty. */
    private KeyHeap earliest() {
        if (current.isEmpty()) {
            Map.Entry<Long, KeyHeap> next = later.pollFirstEntry();
            if (next == null) {
                throw new IllegalStateException("the schedule is empty");
            }
            current = next.getValue();
            currentEnd = next.getKey() + 1;
            if (lastHeap == current) {
                lastHeap = null;
            }
        }
        return current;
    }
}

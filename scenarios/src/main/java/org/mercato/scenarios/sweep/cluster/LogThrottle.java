package org.mercato.scenarios.sweep.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Lets at most {@code limit} log lines per key through in each window and counts the rest, so a
 * source that logs once per frame of junk (a peer that does not speak Pekko's protocol) costs a
 * bounded number of lines. Thread-safe; the clock is a parameter so tests need not sleep.
 */
final class LogThrottle {
    /** What one key did in a window: lines let through, lines held back. */
    record Window(String key, int passed, long heldBack) {}

    /** What {@link #admit} decided; {@code closed} is the key's previous window when this call ended it. */
    record Decision(boolean pass, boolean firstHeldBack, Window closed) {}

    private final int limit;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    LogThrottle(int limit, Duration window, LongSupplier nanoClock) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.nanoClock = nanoClock;
    }

    Duration window() {
        return Duration.ofNanos(windowNanos);
    }

    int limit() {
        return limit;
    }

    Decision admit(String key) {
        Counter counter = counters.computeIfAbsent(key, k -> new Counter(nanoClock.getAsLong()));
        synchronized (counter) {
            long now = nanoClock.getAsLong();
            Window closed = null;
            if (now - counter.start >= windowNanos) {
                if (counter.heldBack > 0) {
                    closed = new Window(key, counter.passed, counter.heldBack);
                }
                counter.start = now;
                counter.passed = 0;
                counter.heldBack = 0;
            }
            if (counter.passed < limit) {
                counter.passed++;
                return new Decision(true, false, closed);
            }
            counter.heldBack++;
            return new Decision(false, counter.heldBack == 1, closed);
        }
    }

    /** The windows that held lines back and were not reported yet; resets them. */
    List<Window> drain() {
        List<Window> open = new ArrayList<>();
        counters.forEach((key, counter) -> {
            synchronized (counter) {
                if (counter.heldBack > 0) {
                    open.add(new Window(key, counter.passed, counter.heldBack));
                    counter.heldBack = 0;
                }
            }
        });
        open.sort(java.util.Comparator.comparing(Window::key));
        return open;
    }

    private static final class Counter {
        long start;
        int passed;
        long heldBack;

        Counter(long start) {
            this.start = start;
        }
    }
}

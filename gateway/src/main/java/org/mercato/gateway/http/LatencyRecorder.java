package org.mercato.gateway.http;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A fixed-size, lock-free latency histogram: microsecond buckets up to 2 ms, then 128 buckets per
 * doubling (under 1% relative error) up to about 12 days. Recording is one array increment, so
 * request threads can call it on every request.
 */
public final class LatencyRecorder {
    private static final int LINEAR_LIMIT_MICROS = 2048;
    private static final int LINEAR_BITS = 11;
    private static final int SUB_BITS = 7;
    private static final int SUB_BUCKETS = 1 << SUB_BITS;
    private static final int MAX_EXPONENT = 40;
    private static final int BUCKETS = LINEAR_LIMIT_MICROS + (MAX_EXPONENT - LINEAR_BITS + 1) * SUB_BUCKETS;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    /** Adds one sample of {@code nanos} (negative counts as 0). */
    public void record(long nanos) {
        counts.incrementAndGet(bucket(Math.max(0, nanos) / 1000));
    }

    /** The samples so far: count, median, 99th percentile and maximum (bucket lower bounds, µs). */
    public LatencySummary summary() {
        long[] snapshot = new long[BUCKETS];
        long total = 0;
        int highest = -1;
        for (int i = 0; i < BUCKETS; i++) {
            snapshot[i] = counts.get(i);
            total += snapshot[i];
            if (snapshot[i] > 0) {
                highest = i;
            }
        }
        if (total == 0) {
            return LatencySummary.EMPTY;
        }
        return new LatencySummary(
                total, quantile(snapshot, total, 0.50), quantile(snapshot, total, 0.99), lowerBound(highest));
    }

    private static long quantile(long[] snapshot, long total, double q) {
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < snapshot.length; i++) {
            seen += snapshot[i];
            if (seen >= rank) {
                return lowerBound(i);
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond " + total + " samples");
    }

    static int bucket(long micros) {
        if (micros < LINEAR_LIMIT_MICROS) {
            return (int) micros;
        }
        int exponent = Math.min(MAX_EXPONENT, 63 - Long.numberOfLeadingZeros(micros));
        long capped = exponent == MAX_EXPONENT ? Math.min(micros, (2L << MAX_EXPONENT) - 1) : micros;
        int sub = (int) ((capped >>> (exponent - SUB_BITS)) & (SUB_BUCKETS - 1));
        return LINEAR_LIMIT_MICROS + (exponent - LINEAR_BITS) * SUB_BUCKETS + sub;
    }

    static long lowerBound(int bucket) {
        if (bucket < LINEAR_LIMIT_MICROS) {
            return bucket;
        }
        int offset = bucket - LINEAR_LIMIT_MICROS;
        int exponent = LINEAR_BITS + offset / SUB_BUCKETS;
        long sub = offset % SUB_BUCKETS;
        return (1L << exponent) + (sub << (exponent - SUB_BITS));
    }
}

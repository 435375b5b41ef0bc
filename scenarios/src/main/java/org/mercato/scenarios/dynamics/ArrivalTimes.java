package org.mercato.scenarios.dynamics;

import java.util.List;
import java.util.SplittableRandom;
import org.mercato.sim.random.Seeds;

/**
 * First-visit times of customers, in catalog order. Customer i arrives after customer i − 1, the
 * gap drawn from customer i's own stream ({@code market/arrivals/<customerId>}), so adding customers
 * leaves the earlier ones' arrivals unchanged. A customer who would arrive at or after the horizon
 * never arrives ({@link #NEVER}), nor does any later one.
 */
public final class ArrivalTimes {
    /** The arrival time of a customer who does not arrive before the horizon. */
    public static final long NEVER = Long.MAX_VALUE;

    static final long HOUR = 3_600_000_000L;

    private ArrivalTimes() {}

    /** A Poisson process of {@code ratePerMicro} arrivals per microsecond. */
    public static long[] poisson(long seed, List<String> customers, double ratePerMicro, long horizon) {
        requirePositive(ratePerMicro);
        long[] times = new long[customers.size()];
        long t = 0;
        for (int i = 0; i < times.length; i++) {
            if (t != NEVER) {
                t = after(t, exponential(stream(seed, customers.get(i)), ratePerMicro), horizon);
            }
            times[i] = t;
        }
        return times;
    }

    /**
     * A Poisson process whose rate follows the time of day: {@code perHour[h]} arrivals per hour
     * during hour h of every day (from time 0). Drawn by thinning: candidates at the highest rate,
     * each kept with probability rate(t) / highest rate, so an hour of rate 0 sees nobody arrive.
     */
    public static long[] hourly(long seed, List<String> customers, double[] perHour, long horizon) {
        double highest = 0;
        for (double r : perHour) {
            if (!(r >= 0 && Double.isFinite(r))) {
                throw new IllegalArgumentException("hourly rates must be finite and >= 0, got " + r);
            }
            highest = Math.max(highest, r);
        }
        requirePositive(highest);
        double candidateRate = highest / HOUR;
        long[] times = new long[customers.size()];
        long t = 0;
        for (int i = 0; i < times.length; i++) {
            SplittableRandom random = stream(seed, customers.get(i));
            while (t != NEVER) {
                t = after(t, exponential(random, candidateRate), horizon);
                if (t != NEVER && random.nextDouble() * highest < perHour[hourOfDay(t, perHour.length)]) {
                    break;
                }
            }
            times[i] = t;
        }
        return times;
    }

    /** The i-th time of {@code trace} for the i-th customer; customers beyond the trace, or at or after the horizon, never arrive. */
    public static long[] trace(long[] trace, int customers, long horizon) {
        long[] times = new long[customers];
        for (int i = 0; i < customers; i++) {
            times[i] = i < trace.length && trace[i] < horizon ? trace[i] : NEVER;
        }
        return times;
    }

    /** How many of {@code times} are before the horizon. */
    public static int arriving(long[] times) {
        int n = 0;
        for (long t : times) {
            n += t == NEVER ? 0 : 1;
        }
        return n;
    }

    static SplittableRandom stream(long seed, String customerId) {
        return Seeds.derive(seed, "market/arrivals/" + customerId);
    }

    /** An exponential gap of mean 1 / {@code rate}, in whole microseconds. */
    static long exponential(SplittableRandom random, double rate) {
        double gap = -Math.log1p(-random.nextDouble()) / rate;
        return gap >= NEVER ? NEVER : Math.round(gap);
    }

    private static long after(long t, long gap, long horizon) {
        long next = gap >= horizon - t ? NEVER : t + gap;
        return next >= horizon ? NEVER : next;
    }

    private static int hourOfDay(long t, int hours) {
        return (int) ((t / HOUR) % hours);
    }

    private static void requirePositive(double rate) {
        if (!(rate > 0 && Double.isFinite(rate))) {
            throw new IllegalArgumentException("an arrival rate must be > 0, got " + rate);
        }
    }
}

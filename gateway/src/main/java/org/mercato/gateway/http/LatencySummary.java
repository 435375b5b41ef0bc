package org.mercato.gateway.http;

/** How long one kind of request took on the server: sample count, median, p99 and maximum in µs. */
public record LatencySummary(long count, long medianMicros, long p99Micros, long maxMicros) {
    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0);

    /** For example {@code 1200 requests, median 85 µs, p99 410 µs, max 2.1 ms}. */
    public String describe() {
        if (count == 0) {
            return "no requests";
        }
        return count + " requests, median " + micros(medianMicros) + ", p99 " + micros(p99Micros) + ", max "
                + micros(maxMicros);
    }

    private static String micros(long value) {
        return value < 10_000 ? value + " µs" : String.format(java.util.Locale.ROOT, "%.1f ms", value / 1000.0);
    }
}

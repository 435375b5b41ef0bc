package org.mercato.metrics.bias;

/** Wilson score intervals for a binomial proportion (Wilson 1927; Newcombe 1998, method 3). */
public final class Wilson {
    /** The standard normal quantile for a two-sided 95% interval. */
    public static final double Z95 = 1.959963984540054;

    private Wilson() {}

    /** A proportion's interval, both ends within [0, 1]. */
    public record Interval(double lower, double upper) {}

    /** The 95% Wilson score interval for {@code successes} out of {@code n} (n > 0). */
    public static Interval interval(long successes, long n) {
        return interval(successes, n, Z95);
    }

    public static Interval interval(long successes, long n, double z) {
        if (n <= 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 <= successes <= n and n > 0, got " + successes + "/" + n);
        }
        double p = successes / (double) n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        double lower = successes == 0 ? 0 : Math.max(0, centre - half);
        double upper = successes == n ? 1 : Math.min(1, centre + half);
        return new Interval(lower, upper);
    }
}

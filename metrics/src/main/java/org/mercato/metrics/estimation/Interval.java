package org.mercato.metrics.estimation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * A sample's mean with a two-sided 95% t interval: mean ± t(0.975, n−1) · s / √n. With one value
 * there is no interval (bounds null). The mean is summed in decimal from the values as summary.json
 * writes them, so the mean of 2.25 and 2.2 is 2.225, not 2.2250000000000005.
 */
public record Interval(int n, double mean, Double lower, Double upper) {
    public static Interval of(List<Double> values) {
        int n = values.size();
        if (n == 0) {
            throw new IllegalArgumentException("no values");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return naive(values);
            }
            sum = sum.add(decimal(v));
        }
        double mean = sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL64).doubleValue();
        return around(values, mean);
    }

    /** {@code a - b} in decimal, as the two are written: 2.87 - 2.25 is 0.62, not 0.6200000000000001. */
    public static double difference(double a, double b) {
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            return a - b;
        }
        return decimal(a).subtract(decimal(b)).doubleValue();
    }

    private static BigDecimal decimal(double v) {
        return new BigDecimal(Double.toString(v));
    }

    private static Interval naive(List<Double> values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        return around(values, mean / values.size());
    }

    private static Interval around(List<Double> values, double mean) {
        int n = values.size();
        if (n == 1) {
            return new Interval(1, mean, null, null);
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double half = StudentT.quantile(0.975, n - 1) * Math.sqrt(ss / (n - 1) / n);
        return new Interval(n, mean, mean - half, mean + half);
    }
}

package org.mercato.scenarios.sweep;

import java.util.List;

/**
 * A sample's mean with a two-sided 95% t interval: mean ± t(0.975, n−1) · s / √n. With one value
 * there is no interval (bounds null).
 */
public record Interval(int n, double mean, Double lower, Double upper) {
    public static Interval of(List<Double> values) {
        int n = values.size();
        if (n == 0) {
            throw new IllegalArgumentException("no values");
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
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

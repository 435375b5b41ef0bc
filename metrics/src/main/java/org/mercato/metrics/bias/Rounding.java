package org.mercato.metrics.bias;

/** Summary numbers are rounded to six decimals so summaries are stable and readable. */
public final class Rounding {
    private Rounding() {}

    public static double six(double value) {
        return Math.round(value * 1e6) / 1e6;
    }

    public static Double share(long part, long whole) {
        return whole == 0 ? null : six(part / (double) whole);
    }
}

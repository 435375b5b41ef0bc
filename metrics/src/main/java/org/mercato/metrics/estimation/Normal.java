package org.mercato.metrics.estimation;

/** The standard normal distribution's tail, for two-sided p-values. */
final class Normal {
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

    private Normal() {}

    /**
     * P(|Z| ≥ |z|) for a standard normal Z, in [0, 1]; NaN for a NaN z (no p-value), 0 for an
     * infinite one.
     */
    static double twoSidedP(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        return erfc(Math.abs(z) / Math.sqrt(2));
    }

    /**
     * Complementary error function to about 1e-15 relative: below 2 one minus the
     * all-positive series erf(x) = 2/√π e^{−x²} Σ (2x²)ⁿ x / (1·3···(2n+1)), which cannot exceed 1
     * by more than rounding; from 2 on the continued fraction for erfc (modified Lentz), which keeps
     * the relative accuracy of tiny tails.
     */
    static double erfc(double x) {
        if (x < 0) {
            return 2 - erfc(-x);
        }
        if (x < 2) {
            double term = x;
            double sum = x;
            double x2 = 2 * x * x;
            for (int n = 1; term > 1e-17 * sum; n++) {
                term *= x2 / (2 * n + 1);
                sum += term;
            }
            double erf = TWO_OVER_SQRT_PI * Math.exp(-x * x) * sum;
            return Math.max(0, 1 - Math.min(1, erf));
        }
        if (x > 27) {
            return 0;
        }
        // erfc(x) = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …)))))
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int n = 1; n < 500; n++) {
            double a = n / 2.0;
            d = x + a * d;
            d = d == 0 ? tiny : d;
            c = x + a / c;
            c = c == 0 ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return Math.exp(-x * x) / (Math.sqrt(Math.PI) * f);
    }
}

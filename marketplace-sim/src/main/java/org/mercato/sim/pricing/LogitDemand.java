package org.mercato.sim.pricing;

/**
 * Calvano's logit demand: {@code q_i = exp((a_i - p_i)/mu) / (sum_j exp((a_j - p_j)/mu) +
 * exp(a0/mu))}, with per-firm quality {@code a_i}, cost {@code c_i}, the outside good {@code a0}
 * and horizontal differentiation {@code mu}.
 */
public record LogitDemand(double[] quality, double[] cost, double outside, double mu) {
    public LogitDemand {
        if (quality.length != cost.length || quality.length == 0) {
            throw new IllegalArgumentException(
                    "quality and cost need one entry per firm, got " + quality.length + " and " + cost.length);
        }
        if (!(mu > 0)) {
            throw new IllegalArgumentException("mu must be positive, got " + mu);
        }
        quality = quality.clone();
        cost = cost.clone();
    }

    /** n symmetric firms. */
    public static LogitDemand symmetric(int firms, double quality, double cost, double outside, double mu) {
        double[] a = new double[firms];
        double[] c = new double[firms];
        java.util.Arrays.fill(a, quality);
        java.util.Arrays.fill(c, cost);
        return new LogitDemand(a, c, outside, mu);
    }

    public int firms() {
        return quality.length;
    }

    @Override
    public double[] quality() {
        return quality.clone();
    }

    @Override
    public double[] cost() {
        return cost.clone();
    }

    public double quality(int firm) {
        return quality[firm];
    }

    public double cost(int firm) {
        return cost[firm];
    }

    /** Each firm's market share {@code q_i}; the exponents are shifted by their maximum so none overflows. */
    public double[] shares(double[] prices) {
        int n = firms();
        double[] exponents = new double[n];
        double max = outside / mu;
        for (int i = 0; i < n; i++) {
            exponents[i] = (quality[i] - prices[i]) / mu;
            max = Math.max(max, exponents[i]);
        }
        double sum = Math.exp(outside / mu - max);
        for (int i = 0; i < n; i++) {
            exponents[i] = Math.exp(exponents[i] - max);
            sum += exponents[i];
        }
        for (int i = 0; i < n; i++) {
            exponents[i] /= sum;
        }
        return exponents;
    }

    /** Each firm's profit {@code (p_i - c_i) q_i}. */
    public double[] profits(double[] prices) {
        double[] q = shares(prices);
        for (int i = 0; i < q.length; i++) {
            q[i] *= prices[i] - cost[i];
        }
        return q;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LogitDemand d
                && java.util.Arrays.equals(quality, d.quality)
                && java.util.Arrays.equals(cost, d.cost)
                && Double.compare(outside, d.outside) == 0
                && Double.compare(mu, d.mu) == 0;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(java.util.Arrays.hashCode(quality), java.util.Arrays.hashCode(cost), outside, mu);
    }

    @Override
    public String toString() {
        return "LogitDemand[quality=" + java.util.Arrays.toString(quality) + ", cost=" + java.util.Arrays.toString(cost)
                + ", outside=" + outside + ", mu=" + mu + "]";
    }
}

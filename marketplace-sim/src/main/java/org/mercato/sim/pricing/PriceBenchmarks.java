package org.mercato.sim.pricing;

/**
 * One-shot Bertrand-Nash and joint-monopoly points, solved numerically (any n, asymmetric a_i,
 * c_i).
 *
 * <p>Nash: firm i's first-order condition under logit demand is {@code p_i = c_i + mu / (1 -
 * q_i)}; its left side minus its right side increases in {@code p_i}, so each best response is the
 * unique root, found by bisection, and best responses are iterated (Gauss-Seidel) until no price
 * moves by more than 1e-12 (logit best responses have slopes in [0, 1), so this converges).
 *
 * <p>Monopoly: the gradient of total profit is {@code q_j (1 - (m_j - Pi) / mu)} with markups
 * {@code m_j = p_j - c_j} and total profit {@code Pi}, so at the optimum every markup equals
 * {@code mu + Pi}: one markup {@code m} for all firms, the root of {@code m (1 - Q(m)) = mu}
 * where {@code Q} is the inside share; {@code m (1 - Q(m))} increases in m, so bisection finds it.
 */
public record PriceBenchmarks(PricePoint nash, PricePoint monopoly) {
    private static final double TOLERANCE = 1e-12;
    private static final int MAX_ROUNDS = 100_000;

    public static PriceBenchmarks solve(LogitDemand demand) {
        double[] nash = nashPrices(demand);
        double[] monopoly = monopolyPrices(demand);
        return new PriceBenchmarks(
                new PricePoint(nash, demand.profits(nash)), new PricePoint(monopoly, demand.profits(monopoly)));
    }

    /** Delta = (mean profit - pi^N) / (pi^M - pi^N), averaged over firms (Calvano's profit gain). */
    public double gain(double[] meanProfits) {
        double sum = 0;
        for (int i = 0; i < meanProfits.length; i++) {
            sum += (meanProfits[i] - nash.profit(i)) / (monopoly.profit(i) - nash.profit(i));
        }
        return sum / meanProfits.length;
    }

    static double[] nashPrices(LogitDemand demand) {
        double[] prices = demand.cost();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            double moved = 0;
            for (int i = 0; i < prices.length; i++) {
                double best = bestResponse(demand, prices, i);
                moved = Math.max(moved, Math.abs(best - prices[i]) / Math.max(1, Math.abs(best)));
                prices[i] = best;
            }
            if (moved <= TOLERANCE) {
                return prices;
            }
        }
        throw new IllegalStateException("the Nash prices of " + demand + " did not converge");
    }

    /**
     * Firm i's exact best response to the others' prices: the root of {@code p - c - mu (1 +
     * exp((a_i - p)/mu - log R))}, R the others' and the outside good's weight, which is {@code p -
     * c - mu / (1 - q_i)} without the cancellation of {@code 1 - q_i} when firm i dominates.
     */
    static double bestResponse(LogitDemand demand, double[] prices, int i) {
        double mu = demand.mu();
        double c = demand.cost(i);
        double a = demand.quality(i);
        double[] rivals = new double[prices.length];
        for (int j = 0; j < prices.length; j++) {
            rivals[j] = j == i ? demand.outside() / mu : (demand.quality(j) - prices[j]) / mu;
        }
        double logRest = logSumExp(rivals);
        java.util.function.DoubleUnaryOperator excess = p -> p - c - mu * (1 + Math.exp((a - p) / mu - logRest));
        double step = mu;
        while (excess.applyAsDouble(c + step) < 0) {
            step *= 2;
        }
        return bisect(excess, c, c + step);
    }

    static double[] monopolyPrices(LogitDemand demand) {
        double mu = demand.mu();
        double[] exponents = new double[demand.firms()];
        for (int i = 0; i < exponents.length; i++) {
            exponents[i] = (demand.quality(i) - demand.cost(i)) / mu;
        }
        double inside = logSumExp(exponents) - demand.outside() / mu;
        // m (1 - Q(m)) - mu with 1 - Q(m) = 1 / (1 + exp(inside - m / mu))
        java.util.function.DoubleUnaryOperator excess = m -> m / (1 + Math.exp(inside - m / mu)) - mu;
        double high = mu;
        while (excess.applyAsDouble(high) < 0) {
            high *= 2;
        }
        double markup = bisect(excess, 0, high);
        double[] prices = demand.cost();
        for (int i = 0; i < prices.length; i++) {
            prices[i] += markup;
        }
        return prices;
    }

    /** The root of an increasing function with f(low) < 0 <= f(high), to the last representable bit. */
    private static double bisect(java.util.function.DoubleUnaryOperator f, double low, double high) {
        for (int step = 0; step < 2_000; step++) {
            double mid = 0.5 * (low + high);
            if (mid <= low || mid >= high) {
                break;
            }
            if (f.applyAsDouble(mid) < 0) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return 0.5 * (low + high);
    }

    private static double logSumExp(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            max = Math.max(max, value);
        }
        double sum = 0;
        for (double value : values) {
            sum += Math.exp(value - max);
        }
        return max + Math.log(sum);
    }
}

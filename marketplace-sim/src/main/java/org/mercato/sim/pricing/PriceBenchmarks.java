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
                moved = Math.max(moved, Math.abs(best - prices[i]));
                prices[i] = best;
            }
            if (moved <= TOLERANCE) {
                return prices;
            }
        }
        throw new IllegalStateException("the Nash prices of " + demand + " did not converge");
    }

    /** Firm i's exact best response to the others' prices (prices[i] is used as scratch and restored). */
    static double bestResponse(LogitDemand demand, double[] prices, int i) {
        double c = demand.cost(i);
        double saved = prices[i];
        double low = c;
        double high = c + demand.mu() / (1 - share(demand, prices, i, c));
        double mid = high;
        for (int step = 0; step < 200 && high - low > TOLERANCE * Math.max(1, Math.abs(high)); step++) {
            mid = 0.5 * (low + high);
            double q = share(demand, prices, i, mid);
            if (mid - c - demand.mu() / (1 - q) < 0) {
                low = mid;
            } else {
                high = mid;
            }
        }
        prices[i] = saved;
        return 0.5 * (low + high);
    }

    private static double share(LogitDemand demand, double[] prices, int i, double price) {
        prices[i] = price;
        return demand.shares(prices)[i];
    }

    static double[] monopolyPrices(LogitDemand demand) {
        double mu = demand.mu();
        double high = mu;
        while (excess(demand, high) < 0) {
            high *= 2;
        }
        double low = 0;
        for (int step = 0; step < 200 && high - low > TOLERANCE * Math.max(1, high); step++) {
            double mid = 0.5 * (low + high);
            if (excess(demand, mid) < 0) {
                low = mid;
            } else {
                high = mid;
            }
        }
        double markup = 0.5 * (low + high);
        double[] prices = demand.cost();
        for (int i = 0; i < prices.length; i++) {
            prices[i] += markup;
        }
        return prices;
    }

    /** {@code m (1 - Q(m)) - mu}, with Q the inside share when every firm's markup is m. */
    private static double excess(LogitDemand demand, double markup) {
        double[] prices = demand.cost();
        for (int i = 0; i < prices.length; i++) {
            prices[i] += markup;
        }
        double inside = 0;
        for (double q : demand.shares(prices)) {
            inside += q;
        }
        return markup * (1 - inside) - demand.mu();
    }
}

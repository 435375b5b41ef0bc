package org.mercato.sim.strategyauction;

/** A bid's score: {@code cost} C minus {@code value} V; the lowest {@link #total()} wins. */
public record Score(double cost, double value) {
    public double total() {
        return cost - value;
    }

    /**
     * The scoring rule: C = w_c · price per token · plan tokens, V = w_h · plan entropy + Σ_j w_j ·
     * jury score_j.
     */
    public static Score of(PlanBid bid, ScoreWeights weights) {
        if (bid.jury().size() != weights.jurors()) {
            throw new IllegalArgumentException(
                    "bid has " + bid.jury().size() + " jury scores, the rule " + weights.jurors() + " weights");
        }
        double cost = weights.cost() * bid.pricePerToken() * bid.plan().tokens();
        double value = weights.entropy() * bid.plan().entropy();
        for (int j = 0; j < weights.jurors(); j++) {
            value += weights.jury().get(j) * bid.jury().get(j);
        }
        return new Score(cost, value);
    }
}

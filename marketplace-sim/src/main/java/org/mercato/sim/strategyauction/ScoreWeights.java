package org.mercato.sim.strategyauction;

import java.util.List;

/** The scoring rule's weights: {@code cost} (w_c), {@code entropy} (w_h) and one per juror (w_j). */
public record ScoreWeights(double cost, double entropy, List<Double> jury) {
    public ScoreWeights {
        jury = List.copyOf(jury);
        if (jury.isEmpty()) {
            throw new IllegalArgumentException("the jury needs at least one juror weight");
        }
        for (double w : jury) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("jury weights must be finite and >= 0, was " + w);
            }
        }
        if (!(cost >= 0) || Double.isInfinite(cost) || !(entropy >= 0) || Double.isInfinite(entropy)) {
            throw new IllegalArgumentException("weights must be finite and >= 0");
        }
    }

    public int jurors() {
        return jury.size();
    }
}

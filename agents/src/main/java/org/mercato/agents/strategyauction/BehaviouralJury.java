package org.mercato.agents.strategyauction;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mercato.sim.random.Seeds;
import org.mercato.sim.strategyauction.Jury;
import org.mercato.sim.strategyauction.Plan;
import org.mercato.sim.strategyauction.Task;

/**
 * A jury without a model: juror j scores a plan 5 · quality plus Gaussian noise of {@code noise}
 * (its own leniency differs by nothing else), clipped to [0, 5] and rounded to two places. Draws
 * come from a stream keyed by (seed, task, bidder, round).
 */
public final class BehaviouralJury implements Jury {
    private final int jurors;
    private final double noise;
    private final long seed;

    public BehaviouralJury(int jurors, double noise, long seed) {
        if (jurors < 1) {
            throw new IllegalArgumentException("a jury needs at least one juror");
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("jury noise must be finite and >= 0, was " + noise);
        }
        this.jurors = jurors;
        this.noise = noise;
        this.seed = seed;
    }

    @Override
    public List<Double> judge(Task task, String bidder, Plan plan, int round) {
        SplittableRandom random = Seeds.derive(seed, "sale/jury/" + task.id() + "/" + bidder + "/" + round);
        List<Double> scores = new ArrayList<>(jurors);
        for (int j = 0; j < jurors; j++) {
            double score = 5 * plan.quality() + noise * random.nextGaussian();
            scores.add(BehaviouralBidder.round(Math.max(0, Math.min(5, score)), 100));
        }
        return scores;
    }
}

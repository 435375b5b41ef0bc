package org.mercato.agents.strategyauction;

import java.util.List;
import java.util.SplittableRandom;
import org.mercato.sim.strategyauction.MemoryEntry;
import org.mercato.sim.strategyauction.Plan;
import org.mercato.sim.strategyauction.Task;

/**
 * A bidder without a model: plan length, entropy, quality and execution success are drawn from
 * its {@link BidderProfile}, each from its own stream (see {@link ProfiledBidder}).
 */
public final class BehaviouralBidder extends ProfiledBidder {
    public BehaviouralBidder(String id, BidderProfile profile, long seed) {
        super(id, profile, seed);
    }

    @Override
    public Plan plan(Task task) {
        SplittableRandom random = stream(task, "plan");
        int tokens = Math.max(1, (int) Math.round(profile.meanTokens() * (0.8 + 0.4 * random.nextDouble())));
        double entropy = Math.max(0, round(profile.entropy() + 0.2 * (random.nextDouble() - 0.5), 1e4));
        double quality = clamp(profile.skill(task.difficulty()) + 0.05 * random.nextGaussian());
        return new Plan(profile.bidderClass() + " plan for " + task.text(), tokens, entropy, quality);
    }

    @Override
    public Plan refine(Task task, Plan first, Plan provisionalWinner, List<MemoryEntry> similar) {
        double quality = profile.refinedQuality(task, first.quality(), similar);
        return new Plan(
                first.text() + " (refined from " + similar.size() + " past auctions)",
                first.tokens(),
                first.entropy(),
                quality);
    }

    @Override
    public boolean execute(Task task, Plan plan) {
        return stream(task, "execute").nextDouble() < plan.quality();
    }

    static double clamp(double quality) {
        return Math.max(0, Math.min(1, quality));
    }

    static double round(double value, double scale) {
        return Math.round(value * scale) / scale;
    }
}

package org.mercato.agents.strategyauction;

import java.util.List;
import java.util.Objects;
import org.mercato.sim.strategyauction.AuctionMemory;
import org.mercato.sim.strategyauction.MemoryEntry;
import org.mercato.sim.strategyauction.Task;

/**
 * What a class of bidders can do: its price per token, the mean length of its plans in tokens, the
 * mean token entropy of its plans, its skill as a function of task difficulty d, a logistic
 * 1 / (1 + exp(slope · (d − capability))) (so {@code capability} is the difficulty at which it
 * succeeds half the time), and {@code memoryHelp} in [0, 1], how much a refinement learns from
 * similar past auctions (see {@link #refinedQuality}).
 */
public record BidderProfile(
        String bidderClass,
        double pricePerToken,
        int meanTokens,
        double entropy,
        double capability,
        double slope,
        double memoryHelp) {
    public BidderProfile {
        Objects.requireNonNull(bidderClass, "bidderClass");
        if (!(pricePerToken >= 0) || Double.isInfinite(pricePerToken)) {
            throw new IllegalArgumentException("pricePerToken must be finite and >= 0, was " + pricePerToken);
        }
        if (meanTokens < 1) {
            throw new IllegalArgumentException("meanTokens must be >= 1, was " + meanTokens);
        }
        if (!(entropy >= 0) || Double.isInfinite(entropy)) {
            throw new IllegalArgumentException("entropy must be finite and >= 0, was " + entropy);
        }
        if (!(slope > 0) || Double.isInfinite(slope)) {
            throw new IllegalArgumentException("slope must be finite and > 0, was " + slope);
        }
        if (!(memoryHelp >= 0 && memoryHelp <= 1)) {
            throw new IllegalArgumentException("memoryHelp must be within [0, 1], was " + memoryHelp);
        }
        if (Double.isNaN(capability) || Double.isInfinite(capability)) {
            throw new IllegalArgumentException("capability must be finite");
        }
    }

    /** The chance of doing a task of this difficulty well, in (0, 1). */
    public double skill(double difficulty) {
        return 1 / (1 + Math.exp(slope * (difficulty - capability)));
    }

    /** How far, at most, the best similar past success can lower a task's effective difficulty. */
    public static final double MAX_MEMORY_SHIFT = 0.3;

    /**
     * The quality after refining from the k most similar past auctions. The best lesson is a
     * successful past plan's mean jury score (over 5) times its similarity to the task; it makes the
     * task look easier by {@code memoryHelp · lesson · MAX_MEMORY_SHIFT} of difficulty, and the
     * quality rises by what the skill curve gains there. So memory helps most on tasks just beyond
     * the bidder's capability, little on tasks far beyond it, and never lowers the quality.
     */
    public double refinedQuality(Task task, double quality, List<MemoryEntry> similar) {
        double lesson = 0;
        for (MemoryEntry entry : similar) {
            if (entry.success()) {
                lesson = Math.max(lesson, AuctionMemory.similarity(task, entry) * entry.juryMean() / 5);
            }
        }
        double easier = task.difficulty() - memoryHelp * lesson * MAX_MEMORY_SHIFT;
        double gain = skill(easier) - skill(task.difficulty());
        return Math.max(0, Math.min(1, quality + gain));
    }
}

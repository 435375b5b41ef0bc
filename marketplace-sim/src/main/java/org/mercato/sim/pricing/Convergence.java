package org.mercato.sim.pricing;

/**
 * When an episode stops: after {@code stable} consecutive periods in which no firm's greedy
 * strategy changed (Calvano: 100,000), or at {@code maxPeriods}.
 */
public record Convergence(long stable, long maxPeriods) {
    public Convergence {
        if (stable < 1 || maxPeriods < 1) {
            throw new IllegalArgumentException(
                    "stable and maxPeriods must be positive, got " + stable + " and " + maxPeriods);
        }
    }
}

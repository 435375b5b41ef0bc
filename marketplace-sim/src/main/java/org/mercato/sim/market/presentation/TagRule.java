package org.mercato.sim.market.presentation;

/**
 * A badge drawn per page: with {@code probability}, a count drawn uniformly from {@code [min,
 * max]}. For {@code sponsored} the count is how many listings carry the badge; for scarcity it is
 * the N of "Only N left".
 */
public record TagRule(double probability, int min, int max) {
    /** ACES: with probability 0.5, a count from 1 to 4. */
    public static final TagRule ACES = new TagRule(0.5, 1, 4);

    public static final TagRule OFF = new TagRule(0, 1, 1);

    public TagRule {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("tag probability must be within [0, 1], was " + probability);
        }
        if (min < 1) {
            throw new IllegalArgumentException("tag min must be >= 1, was " + min);
        }
        if (max < min) {
            throw new IllegalArgumentException("tag max must be >= min (" + min + "), was " + max);
        }
    }
}

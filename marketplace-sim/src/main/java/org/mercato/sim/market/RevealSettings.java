package org.mercato.sim.market;

import java.util.Objects;

/**
 * When proposals reach the assistant they are addressed to. {@code IMMEDIATE}: when made, in the
 * order made (the default). {@code BATCHED}: the first proposal held for a customer opens a window
 * of {@code window} microseconds; every proposal made for that customer within it is held, and when
 * it closes all are revealed together in a seeded random order. {@code MIN_WAIT}: nothing is
 * revealed to a customer before {@code minWait} after its first inquiry; then everything held is
 * revealed at once, in the order made, and later proposals when made.
 *
 * <p>A proposal's validity runs from when it was made, not from when it was revealed.
 */
public record RevealSettings(Policy policy, long window, long minWait) {
    public enum Policy {
        IMMEDIATE,
        BATCHED,
        MIN_WAIT
    }

    public static final RevealSettings IMMEDIATE = new RevealSettings(Policy.IMMEDIATE, 0, 0);

    public RevealSettings {
        Objects.requireNonNull(policy, "policy");
        if (policy == Policy.BATCHED && window <= 0) {
            throw new IllegalArgumentException("a batched reveal needs a window > 0, was " + window);
        }
        if (window < 0 || minWait < 0) {
            throw new IllegalArgumentException("reveal window and minimum wait must be >= 0");
        }
    }

    public static RevealSettings batched(long window) {
        return new RevealSettings(Policy.BATCHED, window, 0);
    }

    public static RevealSettings minWait(long delay) {
        return new RevealSettings(Policy.MIN_WAIT, 0, delay);
    }
}

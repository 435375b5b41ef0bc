package org.mercato.sim.market.dynamics;

/**
 * Stock refills: every {@code every} microseconds (0: every period), {@code amount} units are added
 * up to the service's capacity (0: refill to full capacity).
 */
public record Restock(long every, int amount) {
    public Restock {
        if (every < 0) {
            throw new IllegalArgumentException("restock interval must be >= 0, was " + every);
        }
        if (amount < 0) {
            throw new IllegalArgumentException("restock amount must be >= 0, was " + amount);
        }
    }
}

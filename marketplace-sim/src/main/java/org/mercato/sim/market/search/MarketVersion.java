package org.mercato.sim.market.search;

/**
 * A counter of listing changes. Search results may be cached per version: whatever changes a
 * listing (a future {@code UpdateListing} rule in {@link Market}) calls {@link #bump()}, and every
 * cached ranking of the previous version stops being served. Nothing changes listings yet, so a
 * run stays at version 0. Read and bumped only on the market's thread.
 */
public final class MarketVersion {
    private long current;

    public long current() {
        return current;
    }

    public void bump() {
        current++;
    }
}

package org.mercato.sim.market.search;

/**
 * A counter of listing changes. Search results may be cached per version: whatever changes a
 * listing calls {@link #bump()} (a market whose displayed ratings change re-lists through {@link
 * CachedSearch#relist}, which bumps it), and every cached ranking of the previous version stops
 * being served. A market without reviews stays at version 0. Read and bumped only on the market's
 * thread.
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

package org.mercato.sim.market.search;

/** How often a run's search mechanism was asked, and how many of those rankings came from its cache. */
public record SearchStats(String mechanism, int cacheSize, long requests, long hits) {
    /** Hits per request, or 0 before the first request. */
    public double hitRate() {
        return requests == 0 ? 0 : hits / (double) requests;
    }
}

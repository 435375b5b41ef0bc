package org.mercato.sim.market.search;

/**
 * How often a run's search mechanism was asked, how many of those rankings came from its cache, and
 * for the semantic mechanisms what embedding cost ({@code embedding}, null for the others).
 */
public record SearchStats(String mechanism, int cacheSize, long requests, long hits, EmbeddingStats embedding) {
    /** Stats of a mechanism that embeds nothing. */
    public SearchStats(String mechanism, int cacheSize, long requests, long hits) {
        this(mechanism, cacheSize, requests, hits, null);
    }

    /** Hits per request, or 0 before the first request. */
    public double hitRate() {
        return requests == 0 ? 0 : hits / (double) requests;
    }
}

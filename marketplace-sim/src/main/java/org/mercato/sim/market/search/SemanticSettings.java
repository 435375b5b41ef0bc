package org.mercato.sim.market.search;

import java.nio.file.Path;

/**
 * Settings of semantic and hybrid search: how many services a semantic ranking keeps ({@code
 * candidates}), up to how many services the ranking is exact before Lucene's HNSW graph takes over
 * ({@code exactUpTo}), the reciprocal rank fusion constant of hybrid search ({@code rrfK}), whether
 * embeddings are kept in the process-wide memory cache ({@code memoryCache}) and in a folder between
 * runs ({@code diskCache}, null for none), and on how many threads a market's services are embedded
 * ({@code threads}, 0 for one per available processor; the vectors do not depend on it).
 */
public record SemanticSettings(
        int candidates, int exactUpTo, int rrfK, boolean memoryCache, Path diskCache, int threads) {
    public static final SemanticSettings DEFAULTS = new SemanticSettings(100, 10_000, 60, true, null, 0);

    public SemanticSettings {
        if (candidates < 1) {
            throw new IllegalArgumentException("candidates must be >= 1, was " + candidates);
        }
        if (exactUpTo < 0) {
            throw new IllegalArgumentException("exactUpTo must be >= 0, was " + exactUpTo);
        }
        if (rrfK < 1) {
            throw new IllegalArgumentException("rrfK must be >= 1, was " + rrfK);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0 (0: one per processor), was " + threads);
        }
    }

    /** The number of embedding threads to use: {@code threads}, or the available processors for 0. */
    public int effectiveThreads() {
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }
}

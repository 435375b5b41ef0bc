package org.mercato.sim.market.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Vectors kept in memory for the whole process, one bounded Caffeine cache per model, keyed by the
 * text's SHA-256: the runs of a sweep that share a market embed its services once. A vector is the
 * model's pure function of the text, so what is evicted and when changes speed only. Callers must
 * not modify the arrays they get.
 */
final class EmbeddingMemoryCache {
    /** Vectors per model: 50,000 of 384 floats are about 77 MB. */
    static final int MAXIMUM_SIZE = 50_000;

    private static final ConcurrentMap<String, Cache<String, float[]>> BY_MODEL = new ConcurrentHashMap<>();

    private EmbeddingMemoryCache() {}

    static Cache<String, float[]> of(String model) {
        return BY_MODEL.computeIfAbsent(
                model,
                name -> Caffeine.newBuilder()
                        .maximumSize(MAXIMUM_SIZE)
                        .executor(Runnable::run)
                        .build());
    }
}

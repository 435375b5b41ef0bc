package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Settings of the {@code semantic} mechanism (and of the semantic half of {@code hybrid}): the
 * ranking's length ({@code candidates}), the market size up to which every service is scored
 * ({@code exactUpTo}; an approximate vector index beyond), the threads that embed the services
 * ({@code threads}, 0: every processor), the process-wide embedding cache ({@code memoryCache}) and
 * an optional folder that keeps embeddings between runs ({@code diskCache}, relative to the working
 * directory). Only {@code exactUpTo} and {@code candidates} can change rankings; each key left out
 * takes its default and stays out of the resolved scenario.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"candidates", "exactUpTo", "threads", "memoryCache", "diskCache"})
public record SemanticConfig(
        Integer candidates, Integer exactUpTo, Integer threads, Boolean memoryCache, String diskCache) {
    static final SemanticConfig DEFAULT = new SemanticConfig(null, null, null, null, null);

    public SemanticConfig {
        if (candidates != null && candidates < 1) {
            throw new IllegalArgumentException("candidates must be >= 1, was " + candidates);
        }
        if (exactUpTo != null && exactUpTo < 0) {
            throw new IllegalArgumentException("exactUpTo must be >= 0 (0: always the vector index), was " + exactUpTo);
        }
        if (threads != null && threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0 (0: every processor), was " + threads);
        }
        if (diskCache != null && diskCache.isBlank()) {
            throw new IllegalArgumentException("diskCache must name a folder (leave it out for none)");
        }
    }
}

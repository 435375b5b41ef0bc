package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Settings of the {@code hybrid} mechanism: the constant of reciprocal rank fusion, score = Σ 1/(rrfK
 * + rank) over the lexical and the semantic ranking; left out, its default, out of the resolved
 * scenario.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HybridConfig(Integer rrfK) {
    public HybridConfig {
        if (rrfK != null && rrfK < 1) {
            throw new IllegalArgumentException("rrfK must be >= 1, was " + rrfK);
        }
    }
}

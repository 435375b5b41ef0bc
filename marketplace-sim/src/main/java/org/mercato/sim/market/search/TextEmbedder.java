package org.mercato.sim.market.search;

/**
 * A sentence-embedding model: unit-length vectors, a pure function of the text. Thread-safe. The
 * semantic mechanisms depend on this interface only, so the simulator core carries no model; the
 * {@code embeddings} module provides one that runs in the JVM.
 */
public interface TextEmbedder {
    /** A stable id of the model and its weights, e.g. {@code all-minilm-l6-v2-q}; caches are per model. */
    String model();

    /** The length of every vector {@link #embed} returns. */
    int dimensions();

    /** The text's vector, of unit length. */
    float[] embed(String text);
}

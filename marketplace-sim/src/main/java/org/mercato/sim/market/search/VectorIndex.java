package org.mercato.sim.market.search;

import java.util.BitSet;

/** Nearest service vectors to a query vector, by ordinal (the services' order when indexed). */
interface VectorIndex {
    /**
     * At least the {@code k} ordinals among {@code admitted} (null: all) whose vectors are closest
     * to {@code query} (approximately, for an approximate index), maybe more, in no particular
     * order; fewer only when fewer are admitted.
     */
    int[] nearest(float[] query, int k, BitSet admitted);

    /** The vectors by ordinal. */
    float[][] vectors();

    /** Exact up to {@code exactUpTo} vectors, Lucene's HNSW graph beyond. */
    static VectorIndex of(float[][] vectors, int exactUpTo) {
        return vectors.length <= exactUpTo ? new ExactVectors(vectors) : new HnswVectors(vectors);
    }

    /**
     * The dot product (the cosine of unit vectors), summed in index order in double precision:
     * the same bits on every JVM that runs Java's strict floating point.
     */
    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}

package org.mercato.sim.market.search;

import java.util.BitSet;
import java.util.Comparator;
import java.util.PriorityQueue;

/** Every admitted vector scored against the query; the best {@code k} kept (equal scores: lower ordinal). */
final class ExactVectors implements VectorIndex {
    private static final Comparator<ScoredOrdinal> WORST_FIRST = Comparator.comparingDouble(ScoredOrdinal::score)
            .thenComparing(Comparator.comparingInt(ScoredOrdinal::ordinal).reversed());

    private final float[][] vectors;

    ExactVectors(float[][] vectors) {
        this.vectors = vectors;
    }

    @Override
    public float[][] vectors() {
        return vectors;
    }

    @Override
    public int[] nearest(float[] query, int k, BitSet admitted) {
        PriorityQueue<ScoredOrdinal> best = new PriorityQueue<>(k + 1, WORST_FIRST);
        for (int ordinal = 0; ordinal < vectors.length; ordinal++) {
            if (admitted != null && !admitted.get(ordinal)) {
                continue;
            }
            best.add(new ScoredOrdinal(ordinal, VectorIndex.dot(query, vectors[ordinal])));
            if (best.size() > k) {
                best.poll();
            }
        }
        return best.stream().mapToInt(ScoredOrdinal::ordinal).toArray();
    }
}

package org.mercato.sim.market.search;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A deterministic stand-in for a sentence-embedding model (which marketplace-sim cannot depend on):
 * each lower-cased word adds ±1 to one of {@link #DIMENSIONS} coordinates chosen by its hash, plus a
 * constant coordinate so no vector is zero; normalised to unit length. Texts sharing words are
 * close. Counts its calls.
 */
final class WordHashEmbedder implements TextEmbedder {
    static final int DIMENSIONS = 64;

    final AtomicLong calls = new AtomicLong();
    private final String model;

    WordHashEmbedder() {
        this("test-word-hash");
    }

    /** A model id of its own keeps the process-wide memory cache of other tests out. */
    WordHashEmbedder(String model) {
        this.model = model;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public float[] embed(String text) {
        calls.incrementAndGet();
        float[] vector = new float[DIMENSIONS];
        vector[0] = 0.5f;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                int hash = word.hashCode();
                vector[1 + Math.floorMod(hash, DIMENSIONS - 1)] += (hash & 0x100) == 0 ? 1 : -1;
            }
        }
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        for (int i = 0; i < DIMENSIONS; i++) {
            vector[i] = (float) (vector[i] / Math.sqrt(norm));
        }
        return vector;
    }

    /** The mechanism by name, semantic ones over this embedder with the default settings. */
    static CachedSearch create(
            String name,
            java.util.List<org.mercato.sim.domain.Service> services,
            long seed,
            MarketVersion version,
            int cacheSize) {
        return SearchMechanisms.create(
                name, services, seed, version, cacheSize, SemanticSettings.DEFAULTS, WordHashEmbedder::new);
    }
}

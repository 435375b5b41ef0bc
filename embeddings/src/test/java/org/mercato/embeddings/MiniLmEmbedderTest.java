package org.mercato.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {
    private static final MiniLmEmbedder MODEL = MiniLmEmbedder.shared();

    private static List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            texts.add("Store " + i + " sells item " + (i * 7919 % 101) + ": running shoes, sourdough bread, tea");
        }
        return texts;
    }

    private static List<float[]> embedOn(int threads, List<String> texts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<float[]>> futures = new ArrayList<>();
            for (String text : texts) {
                futures.add(pool.submit(() -> MODEL.embed(text)));
            }
            List<float[]> vectors = new ArrayList<>();
            for (Future<float[]> future : futures) {
                vectors.add(future.get());
            }
            return vectors;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void vectorsHaveUnitLengthAndTheDeclaredSize() {
        float[] vector = MODEL.embed("Wireless Headphones");
        assertThat(vector).hasSize(MODEL.dimensions()).hasSize(384);
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(MODEL.model()).isEqualTo(MiniLmEmbedder.MODEL);
        assertThat(MiniLmEmbedder.shared()).isSameAs(MODEL);
    }

    @Test
    void vectorsAreTheSameBitsOnEveryCallAndAtAnyThreadCount() throws Exception {
        List<String> texts = texts();
        List<float[]> one = embedOn(1, texts);
        List<float[]> two = embedOn(2, texts);
        List<float[]> again = embedOn(1, texts);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(two.get(i)).as(texts.get(i)).containsExactly(one.get(i));
            assertThat(again.get(i)).as(texts.get(i)).containsExactly(one.get(i));
        }
    }
}

package org.mercato.sim.market.search;

import com.github.benmanes.caffeine.cache.Cache;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run's access to a model: the process-wide memory cache first (unless turned off), then the
 * disk cache (if any), then the model; counts where each vector came from and the time spent, for
 * {@link EmbeddingStats}. A market's services are embedded once, on a fixed number of threads, each
 * vector stored at its text's index, so the result does not depend on the thread count.
 */
final class CachingEmbedder {
    private final TextEmbedder model;
    private final Cache<String, float[]> memory;
    private final EmbeddingDiskCache disk;
    private final int threads;
    private final AtomicLong computed = new AtomicLong();
    private final AtomicLong memoryHits = new AtomicLong();
    private final AtomicLong diskHits = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();
    private final Set<String> queries = new HashSet<>();
    private long services;

    CachingEmbedder(TextEmbedder model, SemanticSettings settings) {
        this.model = model;
        this.memory = settings.memoryCache() ? EmbeddingMemoryCache.of(model.model()) : null;
        this.disk = settings.diskCache() == null
                ? null
                : new EmbeddingDiskCache(settings.diskCache(), model.model(), model.dimensions());
        this.threads = settings.effectiveThreads();
    }

    int dimensions() {
        return model.dimensions();
    }

    /** The vectors of a market's service texts, in their order. */
    float[][] services(List<String> texts) {
        long start = System.nanoTime();
        float[][] vectors = new float[texts.size()][];
        int workers = Math.min(threads, Math.max(1, texts.size()));
        if (workers == 1) {
            for (int i = 0; i < texts.size(); i++) {
                vectors[i] = vector(texts.get(i));
            }
        } else {
            inParallel(texts, vectors, workers);
        }
        services += texts.size();
        nanos.addAndGet(System.nanoTime() - start);
        return vectors;
    }

    private void inParallel(List<String> texts, float[][] vectors, int workers) {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, "mercato-embedding");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<?>[] done = new Future<?>[workers];
            for (int w = 0; w < workers; w++) {
                done[w] = pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < texts.size(); i = next.getAndIncrement()) {
                        vectors[i] = vector(texts.get(i));
                    }
                });
            }
            for (Future<?> each : done) {
                each.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedding services", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("embedding services failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** A query's vector; distinct query texts are counted. */
    float[] query(String text) {
        long start = System.nanoTime();
        queries.add(text);
        float[] vector = vector(text);
        nanos.addAndGet(System.nanoTime() - start);
        return vector;
    }

    private float[] vector(String text) {
        String hash = TextHash.of(text);
        float[] vector = memory == null ? null : memory.getIfPresent(hash);
        if (vector != null) {
            memoryHits.incrementAndGet();
            return vector;
        }
        vector = disk == null ? null : disk.read(hash);
        if (vector != null) {
            diskHits.incrementAndGet();
        } else {
            vector = model.embed(text);
            if (vector.length != model.dimensions()) {
                throw new IllegalStateException("model " + model.model() + " returned " + vector.length
                        + " dimensions, expected " + model.dimensions());
            }
            computed.incrementAndGet();
            if (disk != null) {
                disk.write(hash, vector);
            }
        }
        if (memory != null) {
            memory.put(hash, vector);
        }
        return vector;
    }

    EmbeddingStats stats() {
        return new EmbeddingStats(
                model.model(),
                model.dimensions(),
                services,
                queries.size(),
                new EmbeddingStats.Cost(computed.get(), memoryHits.get(), diskHits.get(), nanos.get() / 1_000_000));
    }
}

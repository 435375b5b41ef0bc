package org.mercato.scenarios.sweep;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes to the sweep's database: results from any executor thread queue up
 * here and are stored (one transaction each) in arrival order, then passed to the listener.
 */
public final class StoreWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StoreWriter.class);

    private final SweepStore store;
    private final SweepListener listener;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sweep-store-writer");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger stored = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicReference<RuntimeException> problem = new AtomicReference<>();

    public StoreWriter(SweepStore store, SweepListener listener) {
        this.store = store;
        this.listener = listener;
    }

    public void submit(Cell cell, CellResult result) {
        thread.execute(() -> {
            try {
                store.record(cell, result);
                stored.incrementAndGet();
                if (!result.ok()) {
                    failed.incrementAndGet();
                }
                listener.finished(cell, result);
            } catch (RuntimeException e) {
                log.error("cannot store cell {}: {}", cell.id(), e.getMessage());
                problem.compareAndSet(null, e);
            }
        });
    }

    public int stored() {
        return stored.get();
    }

    public int failed() {
        return failed.get();
    }

    /** Waits for every queued result to be stored; rethrows the first storage error. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(1, TimeUnit.HOURS)) {
                throw new IllegalStateException("the sweep's store writer did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (problem.get() != null) {
            throw problem.get();
        }
    }
}

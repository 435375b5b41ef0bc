package org.mercato.scenarios.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/** Runs cells on {@code parallelism} threads of this JVM, in plan order. */
public final class LocalExecutor implements SweepExecutor {
    private final CellRunner runner;
    private final int parallelism;
    private final SweepListener listener;

    public LocalExecutor(CellRunner runner, int parallelism, SweepListener listener) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        this.runner = runner;
        this.parallelism = parallelism;
        this.listener = listener;
    }

    @Override
    public void run(List<Cell> cells, BiConsumer<Cell, CellResult> done) throws Exception {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, cells.size())), r -> {
            Thread t = new Thread(r, "sweep-cell-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Cell cell : cells) {
                futures.add(pool.submit(() -> {
                    listener.assigned(cell, Thread.currentThread().getName());
                    done.accept(cell, runner.run(cell.id(), cell.scenario(), cell.overrides()));
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

package org.mercato.scenarios.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressState;
import org.mercato.scenarios.sweep.Cell;
import org.mercato.scenarios.sweep.CellResult;
import org.mercato.scenarios.sweep.SweepListener;

/**
 * The sweep's progress line on stderr (me.tongfei progressbar, drawn like {@code run}'s): cells done
 * of those to run, failures, the estimated time left (from the mean pace so far) and the LLM money
 * spent so far, summed from the cells' cost blocks.
 */
final class SweepProgress implements SweepListener, AutoCloseable {
    private final PrintWriter err;
    private final boolean enabled;
    private final AtomicInteger failed = new AtomicInteger();
    private final DoubleAdder cost = new DoubleAdder();
    private volatile boolean anyCost;
    private ProgressBar bar;

    SweepProgress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    @Override
    public synchronized void started(int toRun, int reused, int failedSkipped) {
        if (enabled && toRun > 0) {
            bar = new ProgressBarBuilder()
                    .setTaskName("cells")
                    .setInitialMax(toRun)
                    .setUpdateIntervalMillis(250)
                    .setRenderer(this::render)
                    .setConsumer(new ProgressDisplay.WriterConsumer(err))
                    .build();
        }
    }

    @Override
    public synchronized void finished(Cell cell, CellResult result) {
        if (!result.ok()) {
            failed.incrementAndGet();
        }
        if (result.cost() != null) {
            cost.add(result.cost());
            anyCost = true;
        }
        if (bar != null) {
            bar.step();
        }
    }

    int failed() {
        return failed.get();
    }

    /** {@code cells 12/200, 1 failed, 0:00:42 elapsed, about 0:11:18 left, LLM $0.0312}. */
    String render(ProgressState state, int maxLength) {
        long done = state.getCurrent();
        long total = state.getMax();
        long elapsed = state.getTotalElapsed().toMillis();
        String left = done == 0 ? "?" : clock(elapsed * (total - done) / done);
        String text = String.format(
                Locale.ROOT,
                "cells %d/%d, %d failed, %s elapsed, about %s left%s",
                done,
                total,
                failed.get(),
                clock(elapsed),
                left,
                anyCost ? String.format(Locale.ROOT, ", LLM $%.4f", cost.sum()) : "");
        return maxLength > 0 && text.length() > maxLength ? text.substring(0, maxLength) : text;
    }

    static String clock(long millis) {
        long s = millis / 1000;
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }
}

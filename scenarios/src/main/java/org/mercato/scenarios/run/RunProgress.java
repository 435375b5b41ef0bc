package org.mercato.scenarios.run;

import java.util.function.LongSupplier;
import org.mercato.sim.kernel.KernelListener;

/**
 * A {@link KernelListener} that is also told when a run moves on from simulating: to {@code
 * summary} (the metric folds end and the summary is built) and to {@code writing} (summary.json,
 * report.html and the result tables). {@code done} counts how far the phase is, in {@code unit}
 * (events, rows, files); it may be read from any thread.
 */
public interface RunProgress extends KernelListener {
    void phase(String name, String unit, LongSupplier done);

    /** A line the user must see before the market runs (where outside agents connect); nothing secret. */
    default void notice(String line) {}
}

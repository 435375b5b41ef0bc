package org.mercato.scenarios.sweep;

/** Hears how a sweep goes; called from the store's writer thread, except {@link #assigned}. */
public interface SweepListener {
    SweepListener NONE = new SweepListener() {};

    /** Before the first cell: how many will run, were reused, and failed cells left alone. */
    default void started(int toRun, int reused, int failedSkipped) {}

    /** A cell was handed to a worker (cluster) or a thread (local). */
    default void assigned(Cell cell, String worker) {}

    /** A cell's result is stored. */
    default void finished(Cell cell, CellResult result) {}
}

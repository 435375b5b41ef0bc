package org.mercato.scenarios.sweep;

import java.util.List;
import java.util.function.BiConsumer;

/** Runs cells and hands each result to {@code done} (which may be called from any thread). */
public interface SweepExecutor {
    void run(List<Cell> cells, BiConsumer<Cell, CellResult> done) throws Exception;
}

package org.mercato.scenarios.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a plan into its database: cells already stored as {@code ok} are reused, failed ones are
 * left alone unless {@code retryFailed}, the rest go to the executor, and each result is stored as
 * it arrives by the {@link StoreWriter}.
 */
public final class SweepRun {
    private SweepRun() {}

    /** How a run went: cells in the plan, reused, run now, failed now, failed earlier and not retried. */
    public record Outcome(int total, int reused, int ran, int failed, int failedSkipped) {}

    /** The cells of {@code plan} that still need running, given what the store holds. */
    public static List<Cell> toRun(SweepPlan plan, Map<String, String> statuses, boolean retryFailed) {
        List<Cell> out = new ArrayList<>();
        for (Cell cell : plan.cells()) {
            String status = statuses.get(cell.id());
            if (status == null || (retryFailed && !CellResult.OK.equals(status))) {
                out.add(cell);
            }
        }
        return out;
    }

    public static Outcome run(
            SweepPlan plan, Path database, boolean retryFailed, SweepExecutor executor, SweepListener listener)
            throws Exception {
        try (SweepStore store = SweepStore.open(database)) {
            store.describe(plan);
            Map<String, String> statuses = store.statuses();
            List<Cell> todo = toRun(plan, statuses, retryFailed);
            int reused = 0;
            int failedSkipped = 0;
            for (Cell cell : plan.cells()) {
                String status = statuses.get(cell.id());
                if (CellResult.OK.equals(status)) {
                    reused++;
                } else if (status != null && !retryFailed) {
                    failedSkipped++;
                }
            }
            listener.started(todo.size(), reused, failedSkipped);
            StoreWriter writer = new StoreWriter(store, listener);
            try {
                executor.run(todo, writer::submit);
            } finally {
                writer.close();
            }
            store.sortInCellOrder();
            return new Outcome(plan.cells().size(), reused, writer.stored(), writer.failed(), failedSkipped);
        }
    }
}

package org.mercato.scenarios.sweep.cluster;

import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.mercato.scenarios.sweep.CellResult;

/** The messages between the sweep coordinator and its workers (work pulling). */
public final class Protocol {
    private Protocol() {}

    /** What the coordinator handles. */
    public sealed interface CoordinatorCommand permits RequestWork, CellDone, WorkerGone {}

    /** What a worker handles. */
    public sealed interface WorkerCommand permits Assign, NoWorkYet, SweepDone, Refused, Ran, Retry {}

    /** A worker slot asks for a cell; {@code codeVersion} must match the coordinator's. */
    public record RequestWork(ActorRef<WorkerCommand> worker, String codeVersion)
            implements CoordinatorCommand, ClusterMessage {}

    /** A worker slot reports a finished cell, which also asks for the next one. */
    public record CellDone(ActorRef<WorkerCommand> worker, CellResult result)
            implements CoordinatorCommand, ClusterMessage {}

    /** The coordinator lost sight of a worker (it stopped, or its node was downed). Local only. */
    public record WorkerGone(ActorRef<WorkerCommand> worker) implements CoordinatorCommand {}

    /**
     * Run this cell: its id, the resolved scenario as YAML and the condition's overrides (recorded in
     * the run's summary).
     */
    public record Assign(String cellId, String scenarioYaml, List<String> overrides)
            implements WorkerCommand, ClusterMessage {
        public Assign {
            overrides = overrides == null ? List.of() : List.copyOf(overrides);
        }
    }

    /** Nothing to hand out now, but cells are still running elsewhere and may come back: ask again. */
    public record NoWorkYet(int running) implements WorkerCommand, ClusterMessage {}

    /** Every cell is stored: the slot is done. */
    public record SweepDone(int cells) implements WorkerCommand, ClusterMessage {}

    /** The coordinator will not work with this worker (for example a different code version). */
    public record Refused(String reason) implements WorkerCommand, ClusterMessage {}

    /** A cell ran on this worker. Local only. */
    public record Ran(CellResult result) implements WorkerCommand {}

    /** Time to ask again. Local only. */
    public record Retry(int slot) implements WorkerCommand {}
}

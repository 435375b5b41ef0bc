package org.mercato.scenarios.sweep.cluster;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.mercato.scenarios.load.ScenarioYaml;
import org.mercato.scenarios.sweep.Cell;
import org.mercato.scenarios.sweep.CellResult;
import org.mercato.scenarios.sweep.SweepListener;
import org.mercato.scenarios.sweep.cluster.Protocol.Assign;
import org.mercato.scenarios.sweep.cluster.Protocol.CellDone;
import org.mercato.scenarios.sweep.cluster.Protocol.CoordinatorCommand;
import org.mercato.scenarios.sweep.cluster.Protocol.NoWorkYet;
import org.mercato.scenarios.sweep.cluster.Protocol.Refused;
import org.mercato.scenarios.sweep.cluster.Protocol.RequestWork;
import org.mercato.scenarios.sweep.cluster.Protocol.SweepDone;
import org.mercato.scenarios.sweep.cluster.Protocol.WorkerCommand;
import org.mercato.scenarios.sweep.cluster.Protocol.WorkerGone;

/**
 * The sweep's coordinator, run as a cluster singleton on the node with role {@code coordinator}.
 * Workers pull: each request gets the next pending cell, "no work yet" while cells are out, or "done".
 * Every worker is watched; when one stops or its node is downed, its unfinished cells go back to the
 * front of the queue. A result is accepted once per cell id (later copies are counted and dropped),
 * so each cell is stored exactly once.
 */
public final class Coordinator extends AbstractBehavior<CoordinatorCommand> {
    /** Counters the caller can read: cells handed out again after a worker died, duplicate results. */
    public static final class Stats {
        public final AtomicInteger reassigned = new AtomicInteger();
        public final AtomicInteger duplicates = new AtomicInteger();
        public final AtomicInteger workersSeen = new AtomicInteger();
    }

    private final String codeVersion;
    private final Map<String, Cell> cells = new LinkedHashMap<>();
    private final ArrayDeque<Cell> pending = new ArrayDeque<>();
    private final Map<String, ActorRef<WorkerCommand>> running = new HashMap<>();
    private final Set<String> done = new HashSet<>();
    private final Set<ActorRef<WorkerCommand>> watched = new HashSet<>();
    private final Set<ActorRef<WorkerCommand>> toldDone = new HashSet<>();
    private final BiConsumer<Cell, CellResult> sink;
    private final SweepListener listener;
    private final CompletableFuture<Void> finished;
    private final CompletableFuture<Void> drained;
    private final Stats stats;

    private Coordinator(
            ActorContext<CoordinatorCommand> context,
            List<Cell> cells,
            String codeVersion,
            BiConsumer<Cell, CellResult> sink,
            SweepListener listener,
            CompletableFuture<Void> finished,
            CompletableFuture<Void> drained,
            Stats stats) {
        super(context);
        this.codeVersion = codeVersion;
        cells.forEach(c -> this.cells.put(c.id(), c));
        pending.addAll(this.cells.values());
        this.sink = sink;
        this.listener = listener;
        this.finished = finished;
        this.drained = drained;
        this.stats = stats;
        checkFinished();
    }

    /**
     * {@code finished} completes when every cell's result went to {@code sink}; {@code drained} when,
     * after that, every worker still around was told the sweep is done.
     */
    public static Behavior<CoordinatorCommand> create(
            List<Cell> cells,
            String codeVersion,
            BiConsumer<Cell, CellResult> sink,
            SweepListener listener,
            CompletableFuture<Void> finished,
            CompletableFuture<Void> drained,
            Stats stats) {
        return Behaviors.setup(
                context -> new Coordinator(context, cells, codeVersion, sink, listener, finished, drained, stats));
    }

    @Override
    public Receive<CoordinatorCommand> createReceive() {
        return newReceiveBuilder()
                .onMessage(RequestWork.class, this::onRequest)
                .onMessage(CellDone.class, this::onDone)
                .onMessage(WorkerGone.class, this::onGone)
                .build();
    }

    private Behavior<CoordinatorCommand> onRequest(RequestWork request) {
        if (!codeVersion.equals(request.codeVersion())) {
            request.worker()
                    .tell(new Refused("the coordinator runs code version " + codeVersion + ", this worker "
                            + request.codeVersion() + "; run the same build on every node"));
            return this;
        }
        watch(request.worker());
        handOut(request.worker());
        return this;
    }

    private Behavior<CoordinatorCommand> onDone(CellDone message) {
        String id = message.result().id();
        watch(message.worker());
        if (done.contains(id) || !cells.containsKey(id)) {
            stats.duplicates.incrementAndGet();
            getContext().getLog().info("dropped a second result for cell {}", id);
        } else {
            done.add(id);
            running.remove(id);
            pending.removeIf(c -> c.id().equals(id));
            sink.accept(cells.get(id), message.result());
        }
        checkFinished();
        handOut(message.worker());
        return this;
    }

    private Behavior<CoordinatorCommand> onGone(WorkerGone gone) {
        watched.remove(gone.worker());
        running.entrySet().removeIf(entry -> {
            if (entry.getValue().equals(gone.worker()) && !done.contains(entry.getKey())) {
                pending.addFirst(cells.get(entry.getKey()));
                stats.reassigned.incrementAndGet();
                getContext().getLog().warn("worker {} is gone; cell {} goes to another", gone.worker(), entry.getKey());
                return true;
            }
            return false;
        });
        checkFinished();
        return this;
    }

    private void handOut(ActorRef<WorkerCommand> worker) {
        Cell cell = pending.pollFirst();
        if (cell != null) {
            running.put(cell.id(), worker);
            listener.assigned(cell, worker.path().address().toString());
            worker.tell(new Assign(cell.id(), ScenarioYaml.write(cell.scenario()), cell.overrides()));
        } else if (done.size() == cells.size()) {
            worker.tell(new SweepDone(cells.size()));
            toldDone.add(worker);
            checkFinished();
        } else {
            worker.tell(new NoWorkYet(running.size()));
        }
    }

    private void watch(ActorRef<WorkerCommand> worker) {
        if (watched.add(worker)) {
            stats.workersSeen.incrementAndGet();
            getContext().watchWith(worker, new WorkerGone(worker));
        }
    }

    private void checkFinished() {
        if (done.size() == cells.size()) {
            finished.complete(null);
            if (toldDone.containsAll(watched)) {
                drained.complete(null);
            }
        }
    }
}

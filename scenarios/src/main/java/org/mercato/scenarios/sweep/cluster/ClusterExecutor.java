package org.mercato.scenarios.sweep.cluster;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.ClusterSingletonSettings;
import org.apache.pekko.cluster.typed.Down;
import org.apache.pekko.cluster.typed.SingletonActor;
import org.mercato.scenarios.sweep.Cell;
import org.mercato.scenarios.sweep.CellResult;
import org.mercato.scenarios.sweep.SweepExecutor;
import org.mercato.scenarios.sweep.SweepListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs cells on a Pekko cluster: starts a node with role {@code coordinator} bound to {@code bind}
 * (also the seed node workers join) and the {@link Coordinator} as a cluster singleton on it, then
 * waits until every cell's result is stored. Workers ({@link WorkerNode}) may join before or after.
 */
public final class ClusterExecutor implements SweepExecutor {
    private static final Logger log = LoggerFactory.getLogger(ClusterExecutor.class);
    static final String SINGLETON = "sweep-coordinator";
    private static final Duration TERMINATION = Duration.ofSeconds(20);

    private final HostPort bind;
    private final Duration failureTimeout;
    private final String codeVersion;
    private final SweepListener listener;
    private final Coordinator.Stats stats = new Coordinator.Stats();
    private final CompletableFuture<String> address = new CompletableFuture<>();

    public ClusterExecutor(HostPort bind, Duration failureTimeout, String codeVersion, SweepListener listener) {
        this.bind = bind;
        this.failureTimeout = failureTimeout;
        this.codeVersion = codeVersion;
        this.listener = listener;
    }

    public Coordinator.Stats stats() {
        return stats;
    }

    /** The coordinator node's address once it started (pekko://mercato-sweep@host:port). */
    public CompletableFuture<String> address() {
        return address;
    }

    @Override
    public void run(List<Cell> cells, BiConsumer<Cell, CellResult> done) throws Exception {
        CompletableFuture<Void> finished = new CompletableFuture<>();
        CompletableFuture<Void> drained = new CompletableFuture<>();
        Behavior<Void> guardian = Behaviors.setup(context -> {
            ClusterSingleton.get(context.getSystem())
                    .init(SingletonActor.of(
                                    Coordinator.create(cells, codeVersion, done, listener, finished, drained, stats),
                                    SINGLETON)
                            .withSettings(ClusterSingletonSettings.create(context.getSystem())
                                    .withRole(ClusterSettings.COORDINATOR_ROLE)));
            return Behaviors.empty();
        });
        ActorSystem<Void> system = ActorSystem.create(
                guardian,
                ClusterSettings.SYSTEM,
                ClusterSettings.config(bind, bind, ClusterSettings.COORDINATOR_ROLE, failureTimeout));
        ThrottledPekkoLogFilter.reportOnTermination(system);
        address.complete(system.address().toString());
        log.info("sweep coordinator at {}; {} cells to hand out", system.address(), cells.size());
        try {
            finished.get();
            ThrottledPekkoLogFilter.stoppingAfterSuccess(system);
            // let workers polling for work hear that the sweep is done, so they stop cleanly
            try {
                drained.get(Worker.RETRY.toMillis() * 4 + 2_000, TimeUnit.MILLISECONDS);
                Thread.sleep(200); // the last "done" messages are on their way
            } catch (TimeoutException e) {
                log.info("not every worker heard that the sweep is done; shutting down anyway");
            }
        } finally {
            // the work is done and stored: down this node rather than wait for a graceful leave,
            // whose convergence waits on workers that are already gone
            Cluster.get(system).manager().tell(new Down(system.address()));
            system.terminate();
            awaitTermination(system);
        }
    }

    /**
     * Every cell is stored by now, so a node that is slow to stop (its shutdown phases waiting on
     * peers, or on connections that are not Pekko peers at all) must not turn the sweep into a failure.
     */
    private static void awaitTermination(ActorSystem<Void> system) throws InterruptedException {
        try {
            system.getWhenTerminated().toCompletableFuture().get(TERMINATION.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            log.warn(
                    "the coordinator node did not stop within {} s ({}); every cell is stored, carrying on",
                    TERMINATION.toSeconds(),
                    e.toString());
        }
    }
}

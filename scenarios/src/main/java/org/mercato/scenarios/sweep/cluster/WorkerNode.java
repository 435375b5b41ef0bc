package org.mercato.scenarios.sweep.cluster;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.ClusterSingletonSettings;
import org.apache.pekko.cluster.typed.SingletonActor;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.sweep.CellRunner;
import org.mercato.scenarios.sweep.cluster.Protocol.CoordinatorCommand;

/**
 * A worker node: joins the coordinator at {@code join}, reaches the coordinator singleton through
 * its proxy and runs a {@link Worker} with {@code slots} cells at a time. Its actor system ends when
 * the sweep is done (or the coordinator refuses it); {@link #whenDone()} completes then.
 */
public final class WorkerNode {
    private final ActorSystem<Void> system;
    private final ExecutorService blocking;
    private final AtomicReference<String> refusal;

    private WorkerNode(ActorSystem<Void> system, ExecutorService blocking, AtomicReference<String> refusal) {
        this.system = system;
        this.blocking = blocking;
        this.refusal = refusal;
    }

    /** Why the coordinator refused this worker, or null. */
    public String refusal() {
        return refusal.get();
    }

    public static WorkerNode start(
            HostPort bind,
            HostPort join,
            int slots,
            Duration failureTimeout,
            PolicyRegistry registry,
            java.nio.file.Path keepRuns,
            String codeVersion) {
        AtomicInteger threads = new AtomicInteger();
        AtomicReference<String> refusal = new AtomicReference<>();
        ExecutorService blocking = Executors.newFixedThreadPool(slots, r -> {
            Thread t = new Thread(r, "sweep-worker-cell-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Behavior<Void> guardian = Behaviors.setup(context -> {
            ActorRef<CoordinatorCommand> coordinator = ClusterSingleton.get(context.getSystem())
                    .init(SingletonActor.of(Behaviors.<CoordinatorCommand>empty(), ClusterExecutor.SINGLETON)
                            .withSettings(ClusterSingletonSettings.create(context.getSystem())
                                    .withRole(ClusterSettings.COORDINATOR_ROLE)));
            CellRunner runner = new CellRunner(
                    registry, keepRuns, context.getSystem().address().toString());
            var worker =
                    context.spawn(Worker.create(coordinator, runner, blocking, codeVersion, slots, refusal), "worker");
            context.watch(worker);
            return Behaviors.receive(Void.class)
                    .onSignal(org.apache.pekko.actor.typed.Terminated.class, t -> Behaviors.stopped())
                    .build();
        });
        ActorSystem<Void> system = ActorSystem.create(
                guardian,
                ClusterSettings.SYSTEM,
                ClusterSettings.config(bind, join, ClusterSettings.WORKER_ROLE, failureTimeout));
        return new WorkerNode(system, blocking, refusal);
    }

    public String address() {
        return system.address().toString();
    }

    /** Completes when the worker's actor system has terminated (it leaves the cluster first). */
    public CompletionStage<Done> whenDone() {
        return system.getWhenTerminated().whenComplete((d, e) -> blocking.shutdownNow());
    }

    /** Leaves the cluster and stops. */
    public void stop() {
        system.terminate();
    }
}

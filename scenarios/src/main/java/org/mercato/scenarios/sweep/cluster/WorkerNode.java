package org.mercato.scenarios.sweep.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.ClusterSingletonSettings;
import org.apache.pekko.cluster.typed.SingletonActor;
import org.apache.pekko.cluster.typed.Subscribe;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.sweep.CellRunner;
import org.mercato.scenarios.sweep.cluster.Protocol.CoordinatorCommand;

/**
 * A worker node: joins the coordinator at {@code join}, reaches the coordinator singleton through
 * its proxy and runs a {@link Worker} with {@code slots} cells at a time. Its actor system ends when
 * the sweep is done, when the coordinator refuses it, when it could not join within the failure
 * timeout, or when it lost the coordinator (the coordinator left, or this node was downed after
 * being cut off for longer than the failure timeout); {@link #whenDone()} completes then and
 * {@link #ending()} says which.
 */
public final class WorkerNode {
    /** Why a worker node stopped; only {@link #SWEEP_DONE} is a success. */
    public enum Ending {
        /** The coordinator said every cell is stored. */
        SWEEP_DONE,
        /** The coordinator would not work with this worker; {@link #refusal()} says why. */
        REFUSED,
        /** It could not join the coordinator within the failure timeout. */
        NEVER_JOINED,
        /** It joined, then lost the coordinator before the sweep was done and was removed from the cluster. */
        REMOVED
    }

    private final ActorSystem<Void> system;
    private final ExecutorService blocking;
    private final WorkerEnding ending;

    private WorkerNode(ActorSystem<Void> system, ExecutorService blocking, WorkerEnding ending) {
        this.system = system;
        this.blocking = blocking;
        this.ending = ending;
    }

    /** Why the coordinator refused this worker, or null. */
    public String refusal() {
        return ending.refusal.get();
    }

    /** Why the node stopped; read it after {@link #whenDone()} completed. */
    public Ending ending() {
        return ending.reason();
    }

    public static WorkerNode start(
            HostPort bind,
            HostPort join,
            int slots,
            Duration failureTimeout,
            PolicyRegistry registry,
            Path keepRuns,
            String codeVersion) {
        AtomicInteger threads = new AtomicInteger();
        WorkerEnding ending = new WorkerEnding();
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
                    context.spawn(Worker.create(coordinator, runner, blocking, codeVersion, slots, ending), "worker");
            context.watch(worker);
            context.watch(context.spawn(coordinatorWatch(), "coordinator-watch"));
            return Behaviors.receive(Void.class)
                    .onSignal(Terminated.class, t -> Behaviors.stopped())
                    .build();
        });
        ActorSystem<Void> system = ActorSystem.create(
                guardian,
                ClusterSettings.SYSTEM,
                ClusterSettings.config(bind, join, ClusterSettings.WORKER_ROLE, failureTimeout));
        ThrottledPekkoLogFilter.reportOnTermination(system);
        ThrottledPekkoLogFilter.joining(system, true);
        org.apache.pekko.cluster.Cluster.get(Adapter.toClassic(system)).registerOnMemberUp(() -> {
            ending.joined.set(true);
            ThrottledPekkoLogFilter.joining(system, false);
        });
        // Pekko's shutdown-after-unsuccessful-join-seed-nodes may fire while the system still starts
        // (and then logs stack traces): time the join from here instead
        system.scheduler()
                .scheduleOnce(
                        failureTimeout,
                        () -> {
                            // welcomed by the coordinator (joining) is enough: on a busy machine the
                            // move to up can take a moment longer
                            MemberStatus status =
                                    Cluster.get(system).selfMember().status();
                            if (status == MemberStatus.joining() || status == MemberStatus.weaklyUp()) {
                                ending.joined.set(true);
                            }
                            ThrottledPekkoLogFilter.joining(system, false);
                            if (!ending.joined.get()) {
                                system.terminate();
                            }
                        },
                        system.executionContext());
        return new WorkerNode(system, blocking, ending);
    }

    /**
     * Stops (and so stops the node) when the coordinator's member is removed: once it is gone, no one
     * will hand out work or say the sweep is done.
     */
    private static Behavior<ClusterEvent.MemberRemoved> coordinatorWatch() {
        return Behaviors.setup(context -> {
            Cluster.get(context.getSystem())
                    .subscriptions()
                    .tell(Subscribe.create(context.getSelf(), ClusterEvent.MemberRemoved.class));
            return Behaviors.receive(ClusterEvent.MemberRemoved.class)
                    .onMessage(
                            ClusterEvent.MemberRemoved.class,
                            removed -> removed.member().hasRole(ClusterSettings.COORDINATOR_ROLE)
                                    ? Behaviors.stopped()
                                    : Behaviors.same())
                    .build();
        });
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

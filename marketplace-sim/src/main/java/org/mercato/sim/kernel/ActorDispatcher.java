package org.mercato.sim.kernel;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Runs every agent as a Pekko typed actor on a dispatcher with {@code parallelism} threads. Each
 * window sends one message per active agent; agents of a window run in parallel.
 */
public final class ActorDispatcher implements AgentDispatcher {
    private final ActorSystem<Void> system;
    private final List<ActorRef<WindowRouter.Command>> routers;

    public ActorDispatcher(AgentRuntime[] agents, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("kernel parallelism must be >= 1, was " + parallelism);
        }
        CompletableFuture<List<ActorRef<WindowRouter.Command>>> spawned = new CompletableFuture<>();
        this.system =
                ActorSystem.create(spawnAll(agents.clone(), parallelism, spawned), "mercato", config(parallelism));
        this.routers = spawned.join();
    }

    private static Behavior<Void> spawnAll(
            AgentRuntime[] agents, int routers, CompletableFuture<List<ActorRef<WindowRouter.Command>>> spawned) {
        return Behaviors.setup(context -> {
            List<ActorRef<AgentActor.Command>> refs = new ArrayList<>(agents.length);
            for (AgentRuntime agent : agents) {
                refs.add(context.spawn(AgentActor.create(agent), "agent-" + agent.index()));
            }
            List<ActorRef<AgentActor.Command>> all = List.copyOf(refs);
            List<ActorRef<WindowRouter.Command>> fanouts = new ArrayList<>(routers);
            for (int i = 0; i < routers; i++) {
                fanouts.add(context.spawn(WindowRouter.create(all), "router-" + i));
            }
            spawned.complete(List.copyOf(fanouts));
            return Behaviors.empty();
        });
    }

    private static Config config(int parallelism) {
        return LocalActorConfig.withThreads(
                parallelism,
                // stopping a million agents takes longer than the default 10 s
                "pekko.coordinated-shutdown.phases.actor-system-terminate.timeout = 120s");
    }

    @Override
    public Replies dispatch(List<AgentBatch> batches) {
        WindowReplies replies = new WindowReplies(batches.size());
        start(batches, replies);
        return replies;
    }

    @Override
    public void start(List<AgentBatch> batches, BatchReplies replies) {
        if (batches.isEmpty()) {
            return;
        }
        int[] order = largestFirst(batches);
        int stride = Math.min(routers.size(), batches.size());
        for (int first = 0; first < stride; first++) {
            routers.get(first).tell(new WindowRouter.Fanout(batches, order, first, stride, replies));
        }
    }

    /**
     * Slots ordered by batch size, largest first, so that a busy agent (a popular service) starts
     * early instead of finishing the window alone (longest-processing-time-first scheduling). The
     * order only affects timing: replies are kept by slot.
     */
    private static int[] largestFirst(List<AgentBatch> batches) {
        int n = batches.size();
        long[] keys = new long[n];
        for (int slot = 0; slot < n; slot++) {
            keys[slot] =
                    ((long) (Integer.MAX_VALUE - batches.get(slot).deliveries().size()) << 32) | slot;
        }
        java.util.Arrays.sort(keys);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) keys[i];
        }
        return order;
    }

    @Override
    public boolean parallel() {
        return true;
    }

    @Override
    public void close() {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(150, TimeUnit.SECONDS);
        } catch (Exception e) {
            Thread.currentThread().interrupt();
        }
    }
}

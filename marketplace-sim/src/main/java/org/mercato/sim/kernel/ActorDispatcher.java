package org.mercato.sim.kernel;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Runs every agent as a Pekko typed actor on a dispatcher with {@code parallelism} threads. Each
 * window sends one message per active agent; agents of a window run in parallel.
 */
public final class ActorDispatcher implements AgentDispatcher {
    private final ActorSystem<?> system;
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

    /** A shelf's agents are spawned; their refs in agent order. */
    private record Shelved(int shelf, List<ActorRef<AgentActor.Command>> agents) {}

    /**
     * Agents live on shelves of {@value #SHELF_SIZE}, one parent actor each, rather than all under
     * the guardian: a parent's children are an immutable tree, so spawning (and stopping) a million
     * children of one parent costs a tree update with allocation per child on a tree of a million.
     */
    private static final int SHELF_SIZE = 1024;

    private static Behavior<Shelved> spawnAll(
            AgentRuntime[] agents, int routers, CompletableFuture<List<ActorRef<WindowRouter.Command>>> spawned) {
        return Behaviors.setup(context -> {
            int shelves = (agents.length + SHELF_SIZE - 1) / SHELF_SIZE;
            for (int shelf = 0; shelf < shelves; shelf++) {
                int from = shelf * SHELF_SIZE;
                int to = Math.min(agents.length, from + SHELF_SIZE);
                context.spawn(shelf(shelf, agents, from, to, context.getSelf()), "agents-" + shelf);
            }
            if (shelves == 0) {
                spawned.complete(spawnRouters(context, List.of(), routers));
                return Behaviors.empty();
            }
            List<List<ActorRef<AgentActor.Command>>> byShelf = new ArrayList<>();
            for (int shelf = 0; shelf < shelves; shelf++) {
                byShelf.add(null);
            }
            int[] missing = {shelves};
            return Behaviors.receive(Shelved.class)
                    .onMessage(Shelved.class, done -> {
                        byShelf.set(done.shelf(), done.agents());
                        if (--missing[0] == 0) {
                            List<ActorRef<AgentActor.Command>> all = new ArrayList<>(agents.length);
                            byShelf.forEach(all::addAll);
                            spawned.complete(spawnRouters(context, List.copyOf(all), routers));
                        }
                        return Behaviors.same();
                    })
                    .build();
        });
    }

    private static Behavior<Void> shelf(int shelf, AgentRuntime[] agents, int from, int to, ActorRef<Shelved> parent) {
        return Behaviors.setup(context -> {
            List<ActorRef<AgentActor.Command>> refs = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                refs.add(context.spawn(AgentActor.create(agents[i]), "agent-" + agents[i].index()));
            }
            parent.tell(new Shelved(shelf, List.copyOf(refs)));
            return Behaviors.empty();
        });
    }

    private static List<ActorRef<WindowRouter.Command>> spawnRouters(
            ActorContext<Shelved> context, List<ActorRef<AgentActor.Command>> all, int routers) {
        List<ActorRef<WindowRouter.Command>> fanouts = new ArrayList<>(routers);
        for (int i = 0; i < routers; i++) {
            fanouts.add(context.spawn(WindowRouter.create(all), "router-" + i));
        }
        return List.copyOf(fanouts);
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

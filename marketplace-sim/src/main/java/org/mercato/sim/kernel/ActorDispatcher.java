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
 * Runs the agents on Pekko typed actors on a dispatcher with {@code parallelism} threads. With one
 * agent per actor each window sends one message per active agent; with hosts ({@link AgentHost},
 * {@link #agentsPerActor}) one message per host with active agents, the host running its agents'
 * batches one after another. Agents (or hosts) of a window run in parallel; which thread runs an
 * agent never shows in the replies, which are kept by slot.
 */
public final class ActorDispatcher implements AgentDispatcher {
    /** The most agents one host holds, so that a window's work still spreads over many actors. */
    static final int MAX_AGENTS_PER_HOST = 1024;
    /** Hosts per thread the kernel's choice aims at, for load balance among the threads. */
    private static final int HOSTS_PER_THREAD = 128;

    private final ActorSystem<?> system;
    private final List<ActorRef<WindowRouter.Command>> routers;
    private final int agentsPerActor;
    private final int hostCount;

    /** One actor per agent. */
    public ActorDispatcher(AgentRuntime[] agents, int parallelism) {
        this(agents, parallelism, 1);
    }

    /** {@code agentsPerActor} consecutive agents share each actor (1: one actor per agent). */
    public ActorDispatcher(AgentRuntime[] agents, int parallelism, int agentsPerActor) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("kernel parallelism must be >= 1, was " + parallelism);
        }
        if (agentsPerActor < 1) {
            throw new IllegalArgumentException("agents per actor must be >= 1, was " + agentsPerActor);
        }
        this.agentsPerActor = agentsPerActor;
        this.hostCount = (agents.length + agentsPerActor - 1) / agentsPerActor;
        CompletableFuture<List<ActorRef<WindowRouter.Command>>> spawned = new CompletableFuture<>();
        Behavior<?> guardian = agentsPerActor == 1
                ? spawnAll(agents.clone(), parallelism, spawned)
                : spawnHosts(agents.clone(), agentsPerActor, parallelism, spawned);
        this.system = ActorSystem.create(guardian, "mercato", config(parallelism));
        this.routers = spawned.join();
    }

    /**
     * The kernel's choice of agents per actor: enough that each thread has about {@value
     * #HOSTS_PER_THREAD} hosts, at most {@value #MAX_AGENTS_PER_HOST} agents each, and at least one.
     * Agents whose reactions block their thread (language models, outside agents) are given one
     * actor each by their run instead ({@link org.mercato.sim.KernelSettings#forBlockingAgents}).
     */
    public static int agentsPerActor(int agents, int parallelism) {
        long perHost = agents / ((long) HOSTS_PER_THREAD * parallelism);
        return (int) Math.max(1, Math.min(MAX_AGENTS_PER_HOST, perHost));
    }

    private static Behavior<Void> spawnHosts(
            AgentRuntime[] agents,
            int perHost,
            int routers,
            CompletableFuture<List<ActorRef<WindowRouter.Command>>> spawned) {
        return Behaviors.setup(context -> {
            List<ActorRef<AgentHost.Command>> hosts = new ArrayList<>();
            for (int host = 0; host * perHost < agents.length; host++) {
                hosts.add(context.spawn(AgentHost.create(agents), "agents-" + host));
            }
            List<ActorRef<WindowRouter.Command>> fanouts = new ArrayList<>(routers);
            for (int i = 0; i < routers; i++) {
                fanouts.add(context.spawn(WindowRouter.hosts(List.copyOf(hosts)), "router-" + i));
            }
            spawned.complete(List.copyOf(fanouts));
            return Behaviors.empty();
        });
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
        if (agentsPerActor > 1) {
            startHosts(batches, replies);
            return;
        }
        int[] order = largestFirst(batches);
        int n = routers.size();
        boolean[] busy = new boolean[n];
        for (AgentBatch batch : batches) {
            busy[batch.agent() % n] = true;
        }
        for (int router = 0; router < n; router++) {
            if (busy[router]) {
                routers.get(router).tell(new WindowRouter.Fanout(batches, order, router, n, replies));
            }
        }
    }

    /**
     * Groups the window's slots by host (a counting sort, so each host's slots keep their order)
     * and fans the hosts out busiest first, by their batches' deliveries.
     */
    private void startHosts(List<AgentBatch> batches, BatchReplies replies) {
        int[] start = new int[hostCount + 1];
        long[] load = new long[hostCount];
        for (AgentBatch batch : batches) {
            int host = batch.agent() / agentsPerActor;
            start[host + 1]++;
            load[host] += batch.deliveries().size();
        }
        int active = 0;
        for (int host = 0; host < hostCount; host++) {
            active += start[host + 1] > 0 ? 1 : 0;
            start[host + 1] += start[host];
        }
        int[] next = java.util.Arrays.copyOf(start, hostCount);
        int[] slots = new int[batches.size()];
        for (int slot = 0; slot < batches.size(); slot++) {
            slots[next[batches.get(slot).agent() / agentsPerActor]++] = slot;
        }
        long[] keys = new long[active];
        int k = 0;
        for (int host = 0; host < hostCount; host++) {
            if (start[host + 1] > start[host]) {
                keys[k++] = ((long) (Integer.MAX_VALUE - (int) Math.min(Integer.MAX_VALUE, load[host])) << 32) | host;
            }
        }
        java.util.Arrays.sort(keys);
        int[] order = new int[active];
        for (int i = 0; i < active; i++) {
            order[i] = (int) keys[i];
        }
        int n = routers.size();
        boolean[] busy = new boolean[n];
        for (int host : order) {
            busy[host % n] = true;
        }
        for (int router = 0; router < n; router++) {
            if (busy[router]) {
                routers.get(router).tell(new WindowRouter.HostFanout(batches, slots, start, order, router, n, replies));
            }
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

package org.mercato.sim.kernel;

import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Fans a window's batches out to the agent actors (or the hosts of the agents, {@link AgentHost})
 * from inside the actor system. Sending from a dispatcher thread queues the actors' mailboxes
 * locally (other threads steal them), which is much cheaper than thousands of submissions from the
 * kernel's own thread; the kernel meanwhile writes the window's events. Router {@code r} of {@code
 * n} takes the batches of the agents (or hosts) whose index is {@code r} modulo {@code n}, in the
 * size order: an agent is always reached through the same router, so when one window sends an
 * agent two batches, the agent receives them in the order they were sent.
 */
final class WindowRouter {
    sealed interface Command {}

    /** Send the batches {@code order[i]} of agents {@code router} modulo {@code routers} to their agents. */
    record Fanout(List<AgentBatch> batches, int[] order, int router, int routers, BatchReplies replies)
            implements Command {}

    /**
     * Send the hosts {@code order[i]} that are {@code router} modulo {@code routers} their batches:
     * host {@code h}'s are {@code batches.get(slots[i])} for {@code start[h] <= i < start[h + 1]}.
     */
    record HostFanout(
            List<AgentBatch> batches,
            int[] slots,
            int[] start,
            int[] order,
            int router,
            int routers,
            BatchReplies replies)
            implements Command {}

    private WindowRouter() {}

    static Behavior<Command> hosts(List<ActorRef<AgentHost.Command>> hosts) {
        return Behaviors.receive(Command.class)
                .onMessage(HostFanout.class, fanout -> {
                    int[] order = fanout.order();
                    int[] start = fanout.start();
                    for (int host : order) {
                        if (host % fanout.routers() != fanout.router()) {
                            continue;
                        }
                        hosts.get(host)
                                .tell(new AgentHost.Deliver(
                                        fanout.batches(),
                                        fanout.slots(),
                                        start[host],
                                        start[host + 1],
                                        fanout.replies()));
                    }
                    return Behaviors.same();
                })
                .build();
    }

    static Behavior<Command> create(List<ActorRef<AgentActor.Command>> agents) {
        return Behaviors.receive(Command.class)
                .onMessage(Fanout.class, fanout -> {
                    List<AgentBatch> batches = fanout.batches();
                    int[] order = fanout.order();
                    for (int slot : order) {
                        AgentBatch batch = batches.get(slot);
                        if (batch.agent() % fanout.routers() != fanout.router()) {
                            continue;
                        }
                        agents.get(batch.agent())
                                .tell(new AgentActor.Deliver(batch.deliveries(), slot, fanout.replies()));
                    }
                    return Behaviors.same();
                })
                .build();
    }
}

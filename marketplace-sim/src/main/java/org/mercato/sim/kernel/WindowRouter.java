package org.mercato.sim.kernel;

import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Fans a window's batches out to the agent actors (or the hosts of the agents, {@link AgentHost})
 * from inside the actor system. Sending from a dispatcher thread queues the actors' mailboxes
 * locally (other threads steal them), which is much cheaper than thousands of submissions from the
 * kernel's own thread; the kernel meanwhile writes the window's events. Each router of a window
 * takes every n-th batch (or host) of the size order.
 */
final class WindowRouter {
    sealed interface Command {}

    /** Send batches {@code order[first]}, {@code order[first + stride]}, ... to their agents. */
    record Fanout(List<AgentBatch> batches, int[] order, int first, int stride, BatchReplies replies)
            implements Command {}

    /**
     * Send hosts {@code order[first]}, {@code order[first + stride]}, ... their batches: host
     * {@code h}'s are {@code batches.get(slots[i])} for {@code start[h] <= i < start[h + 1]}.
     */
    record HostFanout(
            List<AgentBatch> batches,
            int[] slots,
            int[] start,
            int[] order,
            int first,
            int stride,
            BatchReplies replies)
            implements Command {}

    private WindowRouter() {}

    static Behavior<Command> hosts(List<ActorRef<AgentHost.Command>> hosts) {
        return Behaviors.receive(Command.class)
                .onMessage(HostFanout.class, fanout -> {
                    int[] order = fanout.order();
                    int[] start = fanout.start();
                    for (int i = fanout.first(); i < order.length; i += fanout.stride()) {
                        int host = order[i];
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
                    for (int i = fanout.first(); i < order.length; i += fanout.stride()) {
                        int slot = order[i];
                        AgentBatch batch = batches.get(slot);
                        agents.get(batch.agent())
                                .tell(new AgentActor.Deliver(batch.deliveries(), slot, fanout.replies()));
                    }
                    return Behaviors.same();
                })
                .build();
    }
}

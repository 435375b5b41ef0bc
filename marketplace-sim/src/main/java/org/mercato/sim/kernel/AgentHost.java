package org.mercato.sim.kernel;

import java.util.List;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The actor around a fixed group of agents: it runs, one after another, its agents' batches of a
 * window and reports each under its slot. An agent belongs to one host for the whole run, so its
 * state is only ever touched by that actor, as with one actor per agent, while a million agents cost
 * a thousand actors instead of a million (memory, spawning, and one message per host and window
 * instead of one per agent).
 */
final class AgentHost {
    sealed interface Command {}

    /**
     * Run the batches {@code batches.get(slots[i])} for {@code from <= i < to}, all of this host's
     * agents, and report each to {@code replies} at its slot.
     */
    record Deliver(List<AgentBatch> batches, int[] slots, int from, int to, BatchReplies replies) implements Command {}

    private AgentHost() {}

    /** A host of {@code agents}; the dispatcher sends it only batches of its own group. */
    static Behavior<Command> create(AgentRuntime[] agents) {
        return Behaviors.receive(Command.class)
                .onMessage(Deliver.class, deliver -> {
                    for (int i = deliver.from(); i < deliver.to(); i++) {
                        int slot = deliver.slots()[i];
                        AgentBatch batch = deliver.batches().get(slot);
                        try {
                            deliver.replies().complete(slot, agents[batch.agent()].process(batch.deliveries()));
                        } catch (AgentFailedException failure) {
                            deliver.replies().fail(failure);
                        }
                    }
                    return Behaviors.same();
                })
                .build();
    }
}

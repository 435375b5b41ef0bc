package org.mercato.sim.kernel;

import java.util.List;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/** The actor wrapper around one agent's policy: it handles one batch at a time and reports back. */
final class AgentActor {
    sealed interface Command {}

    /** The agent's deliveries for one window; the result goes to {@code replies} at {@code slot}. */
    record Deliver(List<Delivery> deliveries, int slot, BatchReplies replies) implements Command {}

    private AgentActor() {}

    static Behavior<Command> create(AgentRuntime agent) {
        return Behaviors.receive(Command.class)
                .onMessage(Deliver.class, deliver -> {
                    try {
                        deliver.replies().complete(deliver.slot(), agent.process(deliver.deliveries()));
                    } catch (AgentFailedException failure) {
                        deliver.replies().fail(failure);
                    }
                    return Behaviors.same();
                })
                .build();
    }
}

package org.mercato.gateway.turns;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.mercato.sim.protocol.Action;

/** How a turn ended, on the policy's side: answered (live or from the recording), or why not. */
sealed interface TurnOutcome {
    /** The agent answered: its actions as sent and as decoded. */
    record Answered(List<JsonNode> wire, List<Action> actions) implements TurnOutcome {
        public Answered {
            wire = List.copyOf(wire);
            actions = List.copyOf(actions);
        }

        /** The actions as the role's type (the turn's decoder made them of that role). */
        <A extends Action> List<A> actionsAs(Class<A> role) {
            return actions.stream().map(role::cast).toList();
        }
    }

    /** No valid answer within the group's turn timeout. */
    record TimedOut() implements TurnOutcome {}

    /** The agent's process is gone (or the run ended while the turn was open); {@code why} says how. */
    record Gone(String why) implements TurnOutcome {}

    /** replay-strict: the recording has no such turn, or the agent saw something else then ({@code why}). */
    record Mismatch(String why) implements TurnOutcome {}
}

package org.mercato.gateway.turns;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.mercato.gateway.wire.WireCodec;
import org.mercato.gateway.wire.WireContext;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.ServicePolicy;
import org.mercato.sim.protocol.Action;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.protocol.PaymentSettled;
import org.mercato.sim.protocol.ProposalDeclined;
import org.mercato.sim.protocol.Reply;
import org.mercato.sim.protocol.ServiceAction;

/**
 * A seller whose decisions come from outside the JVM, turn by turn like {@link
 * ExternalAssistantPolicy}; {@code propose.validFor} counts from the turn's time. A service cannot
 * say done, so when its agent fails (timeout, gone, replay-strict miss) the service stops acting
 * and records the failure as LLM services do: one reply whose text is the reason ({@code
 * external-timeout}, ...) to the customer of that turn, or, when the turn had none (its start, a
 * wake-up), to the next customer who writes; then it stays silent.
 */
public final class ExternalServicePolicy implements ServicePolicy {
    private final ExternalTurns turns;
    private long nextTurn;
    /** Why the agent failed; null while it acts. */
    private String failure;

    private boolean failureRecorded;

    public ExternalServicePolicy(ExternalTurns turns) {
        this.turns = turns;
    }

    @Override
    public List<ServiceAction> onObservation(Observation observation, AgentContext context) {
        if (failure != null) {
            return recordFailure(observation);
        }
        List<JsonNode> wire = List.of(WireCodec.observation(observation));
        WireContext decoding = WireContext.at(context.now());
        TurnOutcome outcome = turns.take(
                context.self(),
                nextTurn++,
                context.now(),
                wire,
                actions -> WireCodec.serviceActions(actions, decoding));
        if (outcome instanceof TurnOutcome.Answered answered) {
            List<ServiceAction> actions = new ArrayList<>();
            for (Action action : answered.actions()) {
                actions.add((ServiceAction) action);
            }
            return actions;
        }
        failure = ExternalAssistantPolicy.reason(outcome);
        return recordFailure(observation);
    }

    private List<ServiceAction> recordFailure(Observation observation) {
        String customer = customerOf(observation);
        if (failureRecorded || customer == null) {
            return List.of();
        }
        failureRecorded = true;
        return List.of(new Reply(customer, failure));
    }

    /** The customer an observation comes from, when it has a conversation with this service. */
    private static String customerOf(Observation observation) {
        if (observation instanceof MessageReceived message) {
            return message.from();
        }
        if (observation instanceof PaymentSettled settled) {
            return settled.customer();
        }
        if (observation instanceof ProposalDeclined declined) {
            return declined.customer();
        }
        return null;
    }
}

package org.mercato.gateway.turns;

import java.util.List;
import org.mercato.agents.base.Conversations;
import org.mercato.gateway.wire.WireCodec;
import org.mercato.gateway.wire.WireContext;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.ServicePolicy;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.protocol.Rejected;
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
        WireContext decoding = WireContext.at(context.now());
        TurnOutcome outcome =
                turns.take(context, nextTurn++, observation, actions -> WireCodec.serviceActions(actions, decoding));
        if (outcome instanceof TurnOutcome.Answered answered) {
            return answered.actionsAs(ServiceAction.class);
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

    /** The customer of a conversation with this service an observation comes from (a refusal's ref may be none). */
    private static String customerOf(Observation observation) {
        return observation instanceof Rejected ? null : Conversations.customerOf(observation);
    }
}

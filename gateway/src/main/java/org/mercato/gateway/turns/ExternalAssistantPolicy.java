package org.mercato.gateway.turns;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mercato.gateway.wire.WireCodec;
import org.mercato.gateway.wire.WireContext;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.Done;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.protocol.ProposalReceived;

/**
 * An assistant whose decisions come from outside the JVM: every observation is one turn (see {@link
 * ExternalTurns}), answered with wire-format actions that take effect like any policy's, at the
 * observation's time plus network delay plus think time; the wall-clock time the agent took never
 * matters. A {@code pay} without amount pays the total of that proposal as this agent received it;
 * {@code wait.seconds} counts from the turn's time. An unanswered turn ends the agent with {@code
 * external-timeout}, a gone process with {@code external-gone}, a replay-strict miss with {@code
 * external-replay-mismatch}.
 */
public final class ExternalAssistantPolicy implements AssistantPolicy {
    private final ExternalTurns turns;
    private final Map<String, Long> proposalTotals = new TreeMap<>();
    private long nextTurn;
    private boolean finished;

    public ExternalAssistantPolicy(ExternalTurns turns) {
        this.turns = turns;
    }

    @Override
    public List<AssistantAction> onObservation(Observation observation, AgentContext context) {
        if (finished) {
            return List.of();
        }
        if (observation instanceof ProposalReceived received) {
            proposalTotals.put(received.proposal().id(), received.proposal().total());
        }
        WireContext decoding = new WireContext(context.now(), proposalTotals);
        TurnOutcome outcome =
                turns.take(context, nextTurn++, observation, actions -> WireCodec.assistantActions(actions, decoding));
        if (outcome instanceof TurnOutcome.Answered answered) {
            List<AssistantAction> actions = answered.actionsAs(AssistantAction.class);
            finished = actions.stream().anyMatch(Done.class::isInstance);
            return actions;
        }
        finished = true;
        return List.of(new Done(reason(outcome)));
    }

    static String reason(TurnOutcome outcome) {
        if (outcome instanceof TurnOutcome.TimedOut) {
            return ExternalReasons.TIMEOUT;
        }
        if (outcome instanceof TurnOutcome.Mismatch) {
            return ExternalReasons.REPLAY_MISMATCH;
        }
        return ExternalReasons.GONE;
    }
}

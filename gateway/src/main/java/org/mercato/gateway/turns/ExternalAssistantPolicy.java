package org.mercato.gateway.turns;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mercato.gateway.wire.WireCodec;
import org.mercato.gateway.wire.WireContext;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.AssistantStarted;
import org.mercato.sim.protocol.Done;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.protocol.OrderDelivered;
import org.mercato.sim.protocol.ProposalReceived;

/**
 * An assistant whose decisions come from outside the JVM: every observation is one turn (see {@link
 * ExternalTurns}), answered with wire-format actions that take effect like any policy's, at the
 * observation's time plus network delay plus think time; the wall-clock time the agent took never
 * matters. A {@code pay} without amount pays the total of that proposal as this agent received it;
 * {@code wait.seconds} counts from the turn's time. An unanswered turn ends the agent with {@code
 * external-timeout}, a gone process with {@code external-gone}, a replay-strict miss with {@code
 * external-replay-mismatch}.
 *
 * <p>A {@code done} ends the visit, not the agent: in a market with return visits the next {@link
 * AssistantStarted} opens a turn again. Between visits the agent has no turn: orders delivered then
 * are held and handed over in the first turn of its next visit, before its start, in the order they
 * were delivered (so turns stay one per kernel call and replay the same); other observations that
 * reach it after its done (the market applies the done later) are not shown. An agent that failed
 * is finished for good: each later visit ends at once with the same reason, without a turn.
 */
public final class ExternalAssistantPolicy implements AssistantPolicy {
    private final ExternalTurns turns;
    private final Map<String, Long> proposalTotals = new TreeMap<>();
    /** Orders delivered since the agent said done, for the first turn of its next visit. */
    private final List<Observation> held = new ArrayList<>();

    private long nextTurn;
    /** It said done; until its next visit starts. */
    private boolean visitOver;
    /** Why it failed for good; null while it acts. */
    private String failure;

    public ExternalAssistantPolicy(ExternalTurns turns) {
        this.turns = turns;
    }

    @Override
    public List<AssistantAction> onObservation(Observation observation, AgentContext context) {
        if (failure != null) {
            return observation instanceof AssistantStarted ? List.of(new Done(failure)) : List.of();
        }
        if (observation instanceof AssistantStarted) {
            visitOver = false;
        } else if (visitOver) {
            if (observation instanceof OrderDelivered) {
                held.add(observation);
            }
            return List.of();
        }
        if (observation instanceof ProposalReceived received) {
            proposalTotals.put(received.proposal().id(), received.proposal().total());
        }
        List<Observation> seen = List.of(observation);
        if (!held.isEmpty()) {
            held.add(observation);
            seen = List.copyOf(held);
            held.clear();
        }
        WireContext decoding = new WireContext(context.now(), proposalTotals);
        TurnOutcome outcome =
                turns.take(context, nextTurn++, seen, actions -> WireCodec.assistantActions(actions, decoding));
        if (outcome instanceof TurnOutcome.Answered answered) {
            List<AssistantAction> actions = answered.actionsAs(AssistantAction.class);
            visitOver = actions.stream().anyMatch(Done.class::isInstance);
            return actions;
        }
        failure = reason(outcome);
        return List.of(new Done(failure));
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

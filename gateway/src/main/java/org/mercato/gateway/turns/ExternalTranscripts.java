package org.mercato.gateway.turns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.mercato.agents.transcript.TranscriptGroup;
import org.mercato.agents.transcript.TranscriptSource;
import org.mercato.agents.transcript.TranscriptTurn;
import org.mercato.agents.transcript.TurnOrigin;
import org.mercato.gateway.wire.WireCodec;

/**
 * An outside agent's turn as a transcript line: the observations it was shown (one user message,
 * their wire JSON), its actions as tool calls (name: the action's {@code type}, arguments: the rest
 * of it), or, when it gave none, why. Its {@code cacheKey} is the digest its turn recording keys by.
 */
final class ExternalTranscripts {
    private ExternalTranscripts() {}

    static TranscriptTurn turn(
            TranscriptGroup transcripts,
            TurnOrigin origin,
            long index,
            ExternalGroup group,
            ExternalTurns.Taken taken,
            List<JsonNode> observations) {
        TranscriptTurn.Answer answer = null;
        String error = null;
        if (taken.outcome() instanceof TurnOutcome.Answered answered) {
            answer = new TranscriptTurn.Answer("", calls(answered.wire()));
        } else {
            error = error(taken.outcome(), group);
        }
        return new TranscriptTurn(
                origin.agent(),
                transcripts.role(),
                transcripts.group(),
                transcripts.kind(),
                origin.t(),
                origin.seq(),
                index,
                "external " + group.name(),
                taken.digest(),
                List.of(new TranscriptTurn.Message("user", WireCodec.text(observations), null, null)),
                List.of(),
                answer,
                null,
                null,
                error,
                new TranscriptTurn.Runtime(
                        taken.latencyMs(),
                        (taken.replayed() ? TranscriptSource.REPLAY : TranscriptSource.NETWORK).label()));
    }

    private static List<TranscriptTurn.ToolCall> calls(List<JsonNode> actions) {
        List<TranscriptTurn.ToolCall> calls = new ArrayList<>(actions.size());
        for (JsonNode action : actions) {
            JsonNode arguments = action;
            if (action instanceof ObjectNode object && object.has("type")) {
                arguments = object.deepCopy().without("type");
            }
            calls.add(new TranscriptTurn.ToolCall("", action.path("type").asText(""), WireCodec.text(arguments)));
        }
        return calls;
    }

    private static String error(TurnOutcome outcome, ExternalGroup group) {
        if (outcome instanceof TurnOutcome.TimedOut) {
            return ExternalReasons.TIMEOUT + ": no answer within " + group.turnTimeout();
        }
        if (outcome instanceof TurnOutcome.Gone gone) {
            return ExternalReasons.GONE + ": " + gone.why();
        }
        return ExternalReasons.REPLAY_MISMATCH + ": " + ((TurnOutcome.Mismatch) outcome).why();
    }
}

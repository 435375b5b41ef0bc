package org.mercato.agents.llm;

import java.util.List;
import org.mercato.agents.transcript.TranscriptGroup;
import org.mercato.agents.transcript.TranscriptSource;
import org.mercato.agents.transcript.TranscriptTurn;
import org.mercato.agents.transcript.TurnOrigin;

/** A model call as a transcript line: the request's messages and tools, the answer or the failure. */
final class LlmTranscripts {
    private LlmTranscripts() {}

    static TranscriptTurn answered(
            TranscriptGroup group,
            TurnOrigin origin,
            long index,
            ProviderIdentity model,
            String key,
            LlmRequest request,
            LlmClient.Answered answered) {
        LlmResponse response = answered.response();
        return turn(
                group,
                origin,
                index,
                model,
                key,
                request,
                new TranscriptTurn.Answer(response.text(), calls(response.toolCalls())),
                new TranscriptTurn.Tokens(response.inputTokens(), response.outputTokens()),
                group.cost(response.inputTokens(), response.outputTokens()),
                null,
                new TranscriptTurn.Runtime(
                        answered.latencyMs(), answered.source().label()));
    }

    /** A failed call: no answer, tokens or cost; {@code error} is the failure's one-line reason (no secret). */
    static TranscriptTurn failed(
            TranscriptGroup group,
            TurnOrigin origin,
            long index,
            ProviderIdentity model,
            String key,
            LlmRequest request,
            LlmException failure) {
        String reason = failure.reason() == null ? "model call failed" : failure.reason();
        return turn(
                group,
                origin,
                index,
                model,
                key,
                request,
                null,
                null,
                null,
                reason.replaceAll("\\s+", " ").strip(),
                new TranscriptTurn.Runtime(0, TranscriptSource.NETWORK.label()));
    }

    private static TranscriptTurn turn(
            TranscriptGroup group,
            TurnOrigin origin,
            long index,
            ProviderIdentity model,
            String key,
            LlmRequest request,
            TranscriptTurn.Answer answer,
            TranscriptTurn.Tokens tokens,
            Double cost,
            String error,
            TranscriptTurn.Runtime runtime) {
        return new TranscriptTurn(
                origin.agent(),
                origin.role() != null ? origin.role() : group.role(),
                group.group(),
                group.kind(),
                origin.t(),
                origin.seq(),
                index,
                model.kind() + " " + model.model(),
                key,
                request.messages().stream().map(LlmTranscripts::message).toList(),
                request.tools().stream().map(LlmTool::name).toList(),
                answer,
                tokens,
                cost,
                error,
                runtime);
    }

    private static TranscriptTurn.Message message(LlmMessage message) {
        return new TranscriptTurn.Message(
                message.role(), message.text(), calls(message.toolCalls()), message.toolCallId());
    }

    private static List<TranscriptTurn.ToolCall> calls(List<LlmToolCall> calls) {
        return calls.stream()
                .map(c -> new TranscriptTurn.ToolCall(c.id(), c.name(), c.arguments()))
                .toList();
    }
}

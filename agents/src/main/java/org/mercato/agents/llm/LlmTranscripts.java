package org.mercato.agents.llm;

import java.util.List;
import org.mercato.agents.transcript.TranscriptGroup;
import org.mercato.agents.transcript.TranscriptSource;
import org.mercato.agents.transcript.TranscriptTurn;
import org.mercato.agents.transcript.TurnOrigin;

/**
 * A model call as a transcript line: who asked ({@code origin}, its turn {@code index}, its
 * group), the model, the request's cache key, messages and tools; then the answer or the failure.
 */
record LlmTranscripts(
        TranscriptGroup group, TurnOrigin origin, long index, ProviderIdentity model, String key, LlmRequest request) {

    TranscriptTurn answered(LlmClient.Answered answered) {
        LlmResponse response = answered.response();
        long input = response.countedInput(request.imageTokens());
        return line(
                new TranscriptTurn.Answer(response.text(), calls(response.toolCalls())),
                new TranscriptTurn.Tokens(input, response.outputTokens(), request.images(), request.imageTokens()),
                group.cost(input, response.outputTokens()),
                null,
                new TranscriptTurn.Runtime(
                        answered.latencyMs(), answered.source().label()));
    }

    /** A failed call: no answer, tokens or cost; {@code error} is the failure's one-line reason (no secret). */
    TranscriptTurn failed(LlmException failure, TranscriptSource source) {
        String reason = failure.reason() == null ? "model call failed" : failure.reason();
        return line(
                null,
                null,
                null,
                reason.replaceAll("\\s+", " ").strip(),
                new TranscriptTurn.Runtime(0, source.label()));
    }

    private TranscriptTurn line(
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
                message.role(),
                message.text(),
                calls(message.toolCalls()),
                message.toolCallId(),
                message.images().stream()
                        .map(i -> new TranscriptTurn.Image(i.page(), i.viewport(), i.tokens()))
                        .toList());
    }

    private static List<TranscriptTurn.ToolCall> calls(List<LlmToolCall> calls) {
        return calls.stream()
                .map(c -> new TranscriptTurn.ToolCall(c.id(), c.name(), c.arguments()))
                .toList();
    }
}

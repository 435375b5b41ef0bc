package org.mercato.agents.llm;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** What a model answered: text, tool calls and the tokens the call used. */
@JsonPropertyOrder({"text", "toolCalls", "inputTokens", "outputTokens"})
public record LlmResponse(String text, List<LlmToolCall> toolCalls, long inputTokens, long outputTokens) {
    public LlmResponse {
        text = text == null ? "" : text;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }
}

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

    /**
     * The input tokens to count for a request whose images are estimated at {@code imageTokens}:
     * the server's count when it reports one, else the images' estimate (a server that reports no
     * usage still costs what it was shown).
     */
    public long countedInput(long imageTokens) {
        return inputTokens > 0 ? inputTokens : Math.max(0, imageTokens);
    }
}

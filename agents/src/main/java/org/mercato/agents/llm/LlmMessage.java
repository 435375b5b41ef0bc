package org.mercato.agents.llm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * One chat message, provider-neutral: {@code role} is {@code system}, {@code user}, {@code
 * assistant} (text and/or tool calls) or {@code tool} (the result of the call {@code toolCallId}
 * named {@code toolName}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"role", "text", "toolCalls", "toolCallId", "toolName"})
public record LlmMessage(String role, String text, List<LlmToolCall> toolCalls, String toolCallId, String toolName) {
    public LlmMessage {
        Objects.requireNonNull(role, "role");
        text = text == null ? "" : text;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        toolCallId = toolCallId == null ? "" : toolCallId;
        toolName = toolName == null ? "" : toolName;
    }

    public static LlmMessage system(String text) {
        return new LlmMessage("system", text, null, null, null);
    }

    public static LlmMessage user(String text) {
        return new LlmMessage("user", text, null, null, null);
    }

    public static LlmMessage assistant(String text, List<LlmToolCall> calls) {
        return new LlmMessage("assistant", text, calls, null, null);
    }

    public static LlmMessage toolResult(LlmToolCall call, String text) {
        return new LlmMessage("tool", text, null, call.id(), call.name());
    }
}

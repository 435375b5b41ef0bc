package org.mercato.agents.llm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * One chat message, provider-neutral: {@code role} is {@code system}, {@code user} (text and, for
 * a multimodal shopper, page {@code images}), {@code assistant} (text and/or tool calls) or {@code
 * tool} (the result of the call {@code toolCallId} named {@code toolName}). Empty parts are left
 * out of the JSON, so a text-only message keys the cache as it did before images existed.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"role", "text", "toolCalls", "toolCallId", "toolName", "images"})
public record LlmMessage(
        String role,
        String text,
        List<LlmToolCall> toolCalls,
        String toolCallId,
        String toolName,
        List<LlmImage> images) {
    public LlmMessage {
        Objects.requireNonNull(role, "role");
        text = text == null ? "" : text;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        toolCallId = toolCallId == null ? "" : toolCallId;
        toolName = toolName == null ? "" : toolName;
        images = images == null ? List.of() : List.copyOf(images);
        if (!images.isEmpty() && !role.equals("user")) {
            throw new IllegalArgumentException("only a user message carries images, not " + role);
        }
    }

    public LlmMessage(String role, String text, List<LlmToolCall> toolCalls, String toolCallId, String toolName) {
        this(role, text, toolCalls, toolCallId, toolName, null);
    }

    /** A user message showing {@code images} with {@code text}. */
    public static LlmMessage user(String text, List<LlmImage> images) {
        return new LlmMessage("user", text, null, null, null, images);
    }

    /** This message without its images (an older page, no longer shown). */
    public LlmMessage withoutImages() {
        return images.isEmpty() ? this : new LlmMessage(role, text, toolCalls, toolCallId, toolName, null);
    }

    /** The estimated input tokens of this message's images. */
    public long imageTokens() {
        long sum = 0;
        for (LlmImage image : images) {
            sum += image.tokens();
        }
        return sum;
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

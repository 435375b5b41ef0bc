package org.mercato.agents.transcript;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * One model turn (one request and its answer, or its failure) as a line of {@code
 * transcripts.jsonl}, without its number (given when the file is written). Everything but {@link
 * #runtime()} is the same in a recording and its replay; see docs/data.md for each field.
 */
@JsonPropertyOrder({
    "agent",
    "role",
    "group",
    "kind",
    "t",
    "seq",
    "index",
    "model",
    "cacheKey",
    "messages",
    "tools",
    "answer",
    "tokens",
    "cost",
    "error",
    "runtime"
})
public record TranscriptTurn(
        String agent,
        String role,
        int group,
        String kind,
        long t,
        long seq,
        long index,
        String model,
        String cacheKey,
        List<Message> messages,
        List<String> tools,
        Answer answer,
        Tokens tokens,
        Double cost,
        @JsonInclude(JsonInclude.Include.NON_NULL) String error,
        Runtime runtime) {
    public TranscriptTurn {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(runtime, "runtime");
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
    }

    /**
     * A message sent: {@code toolCalls} for an assistant's calls, {@code toolCallId} for a tool
     * result, {@code images} for the pages a multimodal shopper was shown.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"role", "content", "toolCalls", "toolCallId", "images"})
    public record Message(
            String role, String content, List<ToolCall> toolCalls, String toolCallId, List<Image> images) {
        public Message {
            content = content == null ? "" : content;
            toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
            images = images == null ? List.of() : List.copyOf(images);
        }

        public Message(String role, String content, List<ToolCall> toolCalls, String toolCallId) {
            this(role, content, toolCalls, toolCallId, null);
        }
    }

    /**
     * A page shown as an image: the SHA-256 of its HTML ({@code pages/<page>.html} in the run
     * folder), the viewport and the estimated input tokens.
     */
    @JsonPropertyOrder({"page", "viewport", "tokens"})
    public record Image(String page, String viewport, long tokens) {}

    @JsonPropertyOrder({"id", "name", "arguments"})
    public record ToolCall(String id, String name, String arguments) {}

    /** What the model (or the outside agent) answered. */
    @JsonPropertyOrder({"text", "toolCalls"})
    public record Answer(String text, List<ToolCall> toolCalls) {
        public Answer {
            text = text == null ? "" : text;
            toolCalls = List.copyOf(toolCalls);
        }
    }

    /**
     * Input and output tokens; with images, how many the request showed and their estimated tokens
     * (left out when none, as in a text-only run).
     */
    @JsonPropertyOrder({"input", "output", "images", "imageTokens"})
    public record Tokens(
            long input,
            long output,
            @JsonInclude(JsonInclude.Include.NON_DEFAULT) long images,
            @JsonInclude(JsonInclude.Include.NON_DEFAULT) long imageTokens) {
        public Tokens(long input, long output) {
            this(input, output, 0, 0);
        }
    }

    /** What differs between a recording and its replay: wall latency in ms and where the answer came from. */
    @JsonPropertyOrder({"latencyMs", "source"})
    public record Runtime(long latencyMs, String source) {}
}

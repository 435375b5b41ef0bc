package org.mercato.agents.llm;

import java.util.List;

/** What is sent to a model: the messages and the tools it may call. */
public record LlmRequest(List<LlmMessage> messages, List<LlmTool> tools) {
    public LlmRequest {
        messages = List.copyOf(messages);
        tools = tools == null ? List.of() : List.copyOf(tools);
    }

    /** The images this request shows. */
    public int images() {
        int n = 0;
        for (LlmMessage m : messages) {
            n += m.images().size();
        }
        return n;
    }

    /** The estimated input tokens of the images this request shows (0 for text only). */
    public long imageTokens() {
        long sum = 0;
        for (LlmMessage m : messages) {
            sum += m.imageTokens();
        }
        return sum;
    }
}

package org.mercato.agents.llm;

import java.util.List;

/** What is sent to a model: the messages and the tools it may call. */
public record LlmRequest(List<LlmMessage> messages, List<LlmTool> tools) {
    public LlmRequest {
        messages = List.copyOf(messages);
        tools = tools == null ? List.of() : List.copyOf(tools);
    }
}

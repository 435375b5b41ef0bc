package org.mercato.agents.llm;

import java.util.Objects;

/**
 * What an LLM policy needs besides its parameters: the group's model client, how many history
 * messages to send ({@code history}, older ones become one summary line), how many invalid tool
 * calls in a row to answer with an error before falling back ({@code maxToolErrors}), and the
 * system prompt template (null: the built-in one for the role).
 */
public record LlmAgentSettings(LlmClient client, int history, int maxToolErrors, String promptTemplate) {
    public LlmAgentSettings {
        Objects.requireNonNull(client, "client");
        if (history < 1) {
            throw new IllegalArgumentException("history must be >= 1, was " + history);
        }
        if (maxToolErrors < 0) {
            throw new IllegalArgumentException("maxToolErrors must be >= 0, was " + maxToolErrors);
        }
    }
}

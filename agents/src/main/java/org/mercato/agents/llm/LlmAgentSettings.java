package org.mercato.agents.llm;

import java.util.Objects;

/**
 * What an LLM policy needs besides its parameters: the group's model client, how many history
 * messages to send ({@code history}, older ones become one summary line), how many invalid tool
 * calls in a row to answer with an error before falling back ({@code maxToolErrors}), the system
 * prompt template (null: the built-in one for the role) and the group's {@link LlmBounds}.
 */
public record LlmAgentSettings(
        LlmClient client, int history, int maxToolErrors, String promptTemplate, LlmBounds bounds) {
    public LlmAgentSettings {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(bounds, "bounds");
        if (history < 1) {
            throw new IllegalArgumentException("history must be >= 1, was " + history);
        }
        if (maxToolErrors < 0) {
            throw new IllegalArgumentException("maxToolErrors must be >= 0, was " + maxToolErrors);
        }
    }

    /** With the default bounds per agent and no run-wide bound. */
    public LlmAgentSettings(LlmClient client, int history, int maxToolErrors, String promptTemplate) {
        this(client, history, maxToolErrors, promptTemplate, LlmBounds.defaults());
    }
}

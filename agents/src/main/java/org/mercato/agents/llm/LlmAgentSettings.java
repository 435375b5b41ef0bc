package org.mercato.agents.llm;

import java.util.Objects;

/**
 * What an LLM policy needs besides its parameters: the group's model client, how many history
 * messages to send ({@code history}, older ones become one summary line), how many invalid tool
 * calls in a row to answer with an error before falling back ({@code maxToolErrors}), the system
 * prompt template (null: the built-in one for the role), the group's {@link LlmBounds} and how a
 * shopper is shown results pages ({@link LlmPages}, text by default).
 */
public record LlmAgentSettings(
        LlmClient client, int history, int maxToolErrors, String promptTemplate, LlmBounds bounds, LlmPages pages) {
    public LlmAgentSettings {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(bounds, "bounds");
        Objects.requireNonNull(pages, "pages");
        if (history < 1) {
            throw new IllegalArgumentException("history must be >= 1, was " + history);
        }
        if (maxToolErrors < 0) {
            throw new IllegalArgumentException("maxToolErrors must be >= 0, was " + maxToolErrors);
        }
    }

    /** Shown results pages as text. */
    public LlmAgentSettings(LlmClient client, int history, int maxToolErrors, String promptTemplate, LlmBounds bounds) {
        this(client, history, maxToolErrors, promptTemplate, bounds, LlmPages.TEXT);
    }

    /** With the default bounds per agent and no run-wide bound. */
    public LlmAgentSettings(LlmClient client, int history, int maxToolErrors, String promptTemplate) {
        this(client, history, maxToolErrors, promptTemplate, LlmBounds.defaults());
    }
}

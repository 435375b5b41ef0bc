package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import org.mercato.agents.llm.LlmBounds;

/**
 * An LLM group's bounds per agent (per customer conversation for a service): at most {@code turns}
 * model turns (100) and {@code calls} model calls, tool-error retries included (300). Reaching one
 * ends the agent with {@code done} reason {@code limit:turns} or {@code limit:calls}.
 */
@JsonPropertyOrder({"turns", "calls"})
public record LlmLimitsConfig(Integer turns, Integer calls) {
    public static final LlmLimitsConfig DEFAULT = new LlmLimitsConfig(null, null);

    public LlmLimitsConfig {
        turns = Objects.requireNonNullElse(turns, LlmBounds.DEFAULT_TURNS);
        calls = Objects.requireNonNullElse(calls, LlmBounds.DEFAULT_CALLS);
        if (turns < 1) {
            throw new IllegalArgumentException("turns must be >= 1, was " + turns);
        }
        if (calls < 1) {
            throw new IllegalArgumentException("calls must be >= 1, was " + calls);
        }
    }
}

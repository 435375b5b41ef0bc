package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * Bounds on what all the LLM agents of a run use together: {@code llmCalls} model calls (50,000),
 * {@code tokens}, input and output (100,000,000), and {@code money} in the currency of {@code
 * prices} (none by default; calls of a model missing from {@code prices} do not count toward it).
 * Reaching one ends each LLM agent at its next turn with {@code done} reason {@code
 * limit:run-calls}, {@code limit:run-tokens} or {@code limit:run-money}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"llmCalls", "tokens", "money"})
public record RunLimitsConfig(Long llmCalls, Long tokens, Double money) {
    public static final long DEFAULT_CALLS = 50_000;
    public static final long DEFAULT_TOKENS = 100_000_000;
    /** The largest money bound taken, far below where sums of charges could overflow. */
    public static final double MAX_MONEY = 1e9;

    public static final RunLimitsConfig DEFAULT = new RunLimitsConfig(null, null, null);

    public RunLimitsConfig {
        llmCalls = Objects.requireNonNullElse(llmCalls, DEFAULT_CALLS);
        tokens = Objects.requireNonNullElse(tokens, DEFAULT_TOKENS);
        if (llmCalls < 1) {
            throw new IllegalArgumentException("llmCalls must be >= 1, was " + llmCalls);
        }
        if (tokens < 1) {
            throw new IllegalArgumentException("tokens must be >= 1, was " + tokens);
        }
        if (money != null && !(money > 0 && money <= MAX_MONEY)) {
            throw new IllegalArgumentException("money must be > 0 and at most " + (long) MAX_MONEY + ", was " + money);
        }
    }
}

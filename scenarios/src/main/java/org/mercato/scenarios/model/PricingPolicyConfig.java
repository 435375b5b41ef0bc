package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A firm's pricing rule in {@code market.pricing}: {@code name} picks it (q-learning when absent) and only its own keys apply.
 * {@code q-learning} (Calvano's: learning rate {@code alpha} 0.15, exploration decay {@code beta}
 * 4e-6, discount {@code delta} 0.95); {@code bandit} (UCB1 over the grid, {@code exploration} 1);
 * {@code best-response} (the static best response to the rivals' last prices); {@code markup} (the
 * grid price nearest cost times 1 + {@code markup}, 0.2); {@code llm} (a language model asked for the
 * next price, its {@code llm} section as elsewhere, seeing the last {@code history} periods, 20).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "alpha", "beta", "delta", "exploration", "markup", "llm", "history"})
public record PricingPolicyConfig(
        String name,
        Double alpha,
        Double beta,
        Double delta,
        Double exploration,
        Double markup,
        LlmConfig llm,
        Integer history) {
    public static final String Q_LEARNING = "q-learning";
    public static final String BANDIT = "bandit";
    public static final String BEST_RESPONSE = "best-response";
    public static final String MARKUP = "markup";
    public static final String LLM = "llm";

    /** The policy names, in the order the docs list them. */
    public static final List<String> NAMES = List.of(Q_LEARNING, BANDIT, BEST_RESPONSE, MARKUP, LLM);

    /** Calvano's Q-learning with the paper's baseline parameters. */
    public static final PricingPolicyConfig DEFAULT =
            new PricingPolicyConfig(Q_LEARNING, null, null, null, null, null, null, null);

    public PricingPolicyConfig {
        name = Objects.requireNonNullElse(name, Q_LEARNING);
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException(
                    "name must be one of " + String.join(", ", NAMES) + ", was '" + name + "'");
        }
        List<String> foreign = new ArrayList<>();
        boolean q = name.equals(Q_LEARNING);
        check(foreign, "alpha", alpha, q);
        check(foreign, "beta", beta, q);
        check(foreign, "delta", delta, q);
        check(foreign, "exploration", exploration, name.equals(BANDIT));
        check(foreign, "markup", markup, name.equals(MARKUP));
        check(foreign, "llm", llm, name.equals(LLM));
        check(foreign, "history", history, name.equals(LLM));
        if (!foreign.isEmpty()) {
            throw new IllegalArgumentException(foreign.get(0) + " does not apply to the " + name + " policy ("
                    + String.join(", ", foreign) + " given)");
        }
        if (q) {
            alpha = Objects.requireNonNullElse(alpha, 0.15);
            if (!(alpha > 0 && alpha <= 1)) {
                throw new IllegalArgumentException("alpha must be within (0, 1] (the learning rate), was " + alpha);
            }
            beta = Objects.requireNonNullElse(beta, 4.0e-6);
            if (!(beta > 0) || beta.isInfinite()) {
                throw new IllegalArgumentException("beta must be > 0 (exploration exp(-beta t) decays), was " + beta);
            }
            delta = Objects.requireNonNullElse(delta, 0.95);
            if (!(delta >= 0 && delta < 1)) {
                throw new IllegalArgumentException("delta must be within [0, 1) (the discount factor), was " + delta);
            }
        }
        if (name.equals(BANDIT)) {
            exploration = Objects.requireNonNullElse(exploration, 1.0);
            if (!(exploration >= 0) || exploration.isInfinite()) {
                throw new IllegalArgumentException("exploration must be finite and >= 0, was " + exploration);
            }
        }
        if (name.equals(MARKUP)) {
            markup = Objects.requireNonNullElse(markup, 0.2);
            if (!(markup > -1) || markup.isInfinite()) {
                throw new IllegalArgumentException("markup must be finite and > -1, was " + markup);
            }
        }
        if (name.equals(LLM)) {
            if (llm == null) {
                throw new IllegalArgumentException(
                        "llm is required for the llm policy: the model section, as for" + " an llm-assistant group");
            }
            history = Objects.requireNonNullElse(history, 20);
            if (history < 1) {
                throw new IllegalArgumentException("history must be >= 1 (periods the model sees), was " + history);
            }
        }
    }

    private static void check(List<String> foreign, String key, Object value, boolean applies) {
        if (value != null && !applies) {
            foreign.add(key);
        }
    }
}

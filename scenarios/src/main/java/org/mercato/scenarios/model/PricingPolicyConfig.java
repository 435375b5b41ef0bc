package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * A firm's pricing rule in {@code market.pricing}: {@code name} picks it (q-learning when absent)
 * and only its own keys apply; the others' may stay (as an agent group keeps an inactive {@code llm}
 * section), so switching a study's sellers is one key.
 * {@code q-learning} (Calvano's: learning rate {@code alpha} 0.15, exploration decay {@code beta}
 * 4e-6, discount {@code delta} 0.95); {@code bandit} (UCB1 over the grid, {@code exploration} 1);
 * {@code best-response} (the static best response to the rivals' last prices); {@code markup} (the
 * grid price nearest cost times 1 + {@code markup}, 0.2); {@code llm} (a language model asked for the
 * next price, its {@code llm} section as elsewhere, seeing the last {@code history} periods, 20; it
 * does not learn, so an episode with a model runs {@code periods} periods, 300 as in Fish et al.,
 * instead of the convergence rule).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "alpha", "beta", "delta", "exploration", "markup", "llm", "history", "periods"})
public record PricingPolicyConfig(
        String name,
        Double alpha,
        Double beta,
        Double delta,
        Double exploration,
        Double markup,
        LlmConfig llm,
        Integer history,
        Long periods) {
    public static final String Q_LEARNING = "q-learning";
    public static final String BANDIT = "bandit";
    public static final String BEST_RESPONSE = "best-response";
    public static final String MARKUP = "markup";
    public static final String LLM = "llm";

    /** The policy names, in the order the docs list them. */
    public static final List<String> NAMES = List.of(Q_LEARNING, BANDIT, BEST_RESPONSE, MARKUP, LLM);

    /** Calvano's Q-learning with the paper's baseline parameters. */
    public static final PricingPolicyConfig DEFAULT =
            new PricingPolicyConfig(Q_LEARNING, null, null, null, null, null, null, null, null);

    public PricingPolicyConfig {
        name = Objects.requireNonNullElse(name, Q_LEARNING);
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException(
                    "name must be one of " + String.join(", ", NAMES) + ", was '" + name + "'");
        }
        boolean q = name.equals(Q_LEARNING);
        alpha = q ? Objects.requireNonNullElse(alpha, 0.15) : alpha;
        if (alpha != null && !(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be within (0, 1] (the learning rate), was " + alpha);
        }
        beta = q ? Objects.requireNonNullElse(beta, 4.0e-6) : beta;
        if (beta != null && (!(beta > 0) || beta.isInfinite())) {
            throw new IllegalArgumentException("beta must be > 0 (exploration exp(-beta t) decays), was " + beta);
        }
        delta = q ? Objects.requireNonNullElse(delta, 0.95) : delta;
        if (delta != null && !(delta >= 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be within [0, 1) (the discount factor), was " + delta);
        }
        exploration = name.equals(BANDIT) ? Objects.requireNonNullElse(exploration, 1.0) : exploration;
        if (exploration != null && (!(exploration >= 0) || exploration.isInfinite())) {
            throw new IllegalArgumentException("exploration must be finite and >= 0, was " + exploration);
        }
        markup = name.equals(MARKUP) ? Objects.requireNonNullElse(markup, 0.2) : markup;
        if (markup != null && (!(markup > -1) || markup.isInfinite())) {
            throw new IllegalArgumentException("markup must be finite and > -1, was " + markup);
        }
        boolean model = name.equals(LLM);
        if (model && llm == null) {
            throw new IllegalArgumentException(
                    "llm is required for the llm policy: the model section, as for an llm-assistant group");
        }
        history = model ? Objects.requireNonNullElse(history, 20) : history;
        if (history != null && history < 1) {
            throw new IllegalArgumentException("history must be >= 1 (periods the model sees), was " + history);
        }
        periods = model ? Objects.requireNonNullElse(periods, 300L) : periods;
        if (periods != null && periods < 1) {
            throw new IllegalArgumentException(
                    "periods must be >= 1 (periods of an episode with a model), was " + periods);
        }
    }
}

package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * Reviews and the displayed reputation: a delivered order is reviewed with {@code probability};
 * stars are {@code 1 + 4 × quality} plus Normal(0, {@code noise}) noise, rounded and kept within 1 to
 * 5. The displayed rating aggregates the catalog's reviews and the new ones: {@code mean} (default),
 * {@code bayesian} (toward {@code prior: {mean, weight}}) or {@code recency} (weights halving every
 * {@code halfLife}); it changes at each period start ({@code refresh: period}, the default) or at
 * once ({@code immediate}). {@code filter} removes reviews: a fake one with probability {@code
 * detect}, a genuine one with probability {@code falsePositive}. With {@code text: true} LLM
 * assistants write each review's text (a {@code review_text} event); absent or false, none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"probability", "noise", "aggregation", "prior", "halfLife", "refresh", "filter", "text"})
public record ReviewsConfig(
        Double probability,
        Double noise,
        Aggregation aggregation,
        PriorConfig prior,
        Duration halfLife,
        Refresh refresh,
        FilterConfig filter,
        Boolean text) {
    public enum Aggregation {
        @JsonProperty("mean")
        MEAN,
        @JsonProperty("bayesian")
        BAYESIAN,
        @JsonProperty("recency")
        RECENCY
    }

    public enum Refresh {
        @JsonProperty("period")
        PERIOD,
        @JsonProperty("immediate")
        IMMEDIATE
    }

    /** The Bayesian average's prior: {@code weight} pseudo-reviews of {@code mean} stars. */
    @JsonPropertyOrder({"mean", "weight"})
    public record PriorConfig(Double mean, Double weight) {
        public PriorConfig {
            if (mean == null || !(mean >= 1 && mean <= 5)) {
                throw new IllegalArgumentException("mean must be within [1, 5] stars, was " + mean);
            }
            if (weight == null || !(weight >= 0 && Double.isFinite(weight))) {
                throw new IllegalArgumentException("weight must be >= 0 (pseudo-reviews), was " + weight);
            }
        }
    }

    /** The platform's review filter. */
    @JsonPropertyOrder({"detect", "falsePositive"})
    public record FilterConfig(Double detect, Double falsePositive) {
        public FilterConfig {
            detect = Objects.requireNonNullElse(detect, 0.0);
            falsePositive = Objects.requireNonNullElse(falsePositive, 0.0);
            if (!(detect >= 0 && detect <= 1)) {
                throw new IllegalArgumentException("detect must be within [0, 1], was " + detect);
            }
            if (!(falsePositive >= 0 && falsePositive <= 1)) {
                throw new IllegalArgumentException("falsePositive must be within [0, 1], was " + falsePositive);
            }
        }
    }

    public ReviewsConfig {
        probability = Objects.requireNonNullElse(probability, 1.0);
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be within [0, 1], was " + probability);
        }
        noise = Objects.requireNonNullElse(noise, 0.5);
        if (!(noise >= 0 && Double.isFinite(noise))) {
            throw new IllegalArgumentException("noise must be >= 0 (the stars' standard deviation), was " + noise);
        }
        aggregation = Objects.requireNonNullElse(aggregation, Aggregation.MEAN);
        refresh = Objects.requireNonNullElse(refresh, Refresh.PERIOD);
        if (aggregation == Aggregation.BAYESIAN && prior == null) {
            throw new IllegalArgumentException(
                    "prior is required for the bayesian aggregation: {mean: 4.0, weight: 5}");
        }
        if (aggregation != Aggregation.BAYESIAN && prior != null) {
            throw new IllegalArgumentException("prior goes with aggregation: bayesian");
        }
        if (aggregation == Aggregation.RECENCY && (halfLife == null || halfLife.micros() <= 0)) {
            throw new IllegalArgumentException("halfLife is required for the recency aggregation, such as 7d");
        }
        if (aggregation != Aggregation.RECENCY && halfLife != null) {
            throw new IllegalArgumentException("halfLife goes with aggregation: recency");
        }
    }
}

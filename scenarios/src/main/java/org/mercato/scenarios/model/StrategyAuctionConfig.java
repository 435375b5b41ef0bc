package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.mercato.sim.domain.Money;

/**
 * Strategy auctions (SALE) run after the shopping market: every customer posts {@code
 * tasksPerCustomer} tasks (default 10), one every {@code interval} (default 1s) of virtual time,
 * round-robin over customers, with difficulty drawn uniformly from {@code difficulty} {min, max}
 * (default 0–1). Each task is auctioned among the {@code bidders}; {@code weights} sets the
 * scoring rule (w_c {@code cost}, w_h {@code entropy}, one w_j per juror in {@code jury}); the
 * behavioural jury adds Gaussian {@code juryNoise} (default 0.3) to 5 · plan quality, unless
 * {@code juryLlm} names a model that scores every plan instead (one call per juror); refining
 * bidders see the {@code k} (default 3) most similar past auctions; {@code memory}, a folder, keeps
 * the auction memory across runs (loaded at the start when present, saved at the end; a relative
 * folder is resolved against the working directory).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "tasksPerCustomer",
    "interval",
    "difficulty",
    "weights",
    "juryNoise",
    "juryLlm",
    "k",
    "memory",
    "bidders"
})
public record StrategyAuctionConfig(
        Integer tasksPerCustomer,
        Duration interval,
        Range difficulty,
        Weights weights,
        Double juryNoise,
        LlmConfig juryLlm,
        Integer k,
        String memory,
        List<BidderConfig> bidders) {
    public StrategyAuctionConfig {
        tasksPerCustomer = Objects.requireNonNullElse(tasksPerCustomer, 10);
        if (tasksPerCustomer < 1) {
            throw new IllegalArgumentException("tasksPerCustomer must be >= 1, was " + tasksPerCustomer);
        }
        interval = Objects.requireNonNullElse(interval, Duration.parse("1s"));
        if (interval.micros() <= 0) {
            throw new IllegalArgumentException("interval must be > 0");
        }
        difficulty = Objects.requireNonNullElse(difficulty, new Range(0.0, 1.0));
        weights = Objects.requireNonNullElse(weights, new Weights(null, null, null));
        juryNoise = Objects.requireNonNullElse(juryNoise, 0.3);
        if (!(juryNoise >= 0) || juryNoise.isInfinite()) {
            throw new IllegalArgumentException("juryNoise must be finite and >= 0, was " + juryNoise);
        }
        k = Objects.requireNonNullElse(k, 3);
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, was " + k);
        }
        if (memory != null && memory.isBlank()) {
            throw new IllegalArgumentException("memory must name a folder");
        }
        if (bidders == null || bidders.isEmpty()) {
            throw new IllegalArgumentException("bidders needs at least one bidder");
        }
        bidders = List.copyOf(bidders);
        TreeSet<String> ids = new TreeSet<>();
        for (BidderConfig bidder : bidders) {
            if (!ids.add(bidder.id())) {
                throw new IllegalArgumentException("two bidders share the id '" + bidder.id() + "'");
            }
        }
    }

    /** A uniform range of task difficulty within [0, 1]. */
    @JsonPropertyOrder({"min", "max"})
    public record Range(Double min, Double max) {
        public Range {
            min = Objects.requireNonNullElse(min, 0.0);
            max = Objects.requireNonNullElse(max, 1.0);
            if (!(min >= 0 && max <= 1 && min <= max)) {
                throw new IllegalArgumentException(
                        "difficulty needs 0 <= min <= max <= 1, was min " + min + ", max " + max);
            }
        }
    }

    /** The scoring rule's weights: {@code cost} (0.005), {@code entropy} (0.1), {@code jury} ([1, 1]). */
    @JsonPropertyOrder({"cost", "entropy", "jury"})
    public record Weights(Double cost, Double entropy, List<Double> jury) {
        public Weights {
            cost = Objects.requireNonNullElse(cost, 0.005);
            entropy = Objects.requireNonNullElse(entropy, 0.1);
            jury = jury == null ? List.of(1.0, 1.0) : List.copyOf(jury);
            if (jury.isEmpty()) {
                throw new IllegalArgumentException("weights.jury needs one weight per juror (at least one)");
            }
            if (cost < 0 || entropy < 0 || jury.stream().anyMatch(w -> w < 0)) {
                throw new IllegalArgumentException("weights must be >= 0");
            }
        }
    }

    /**
     * A bidder: {@code id}, {@code class} (defaults to the id), its capability profile ({@code
     * pricePerToken}, {@code meanTokens}, {@code entropy}, {@code capability}: the difficulty at
     * which it succeeds half the time, {@code slope} (8), {@code memoryHelp} in [0, 1] (0.5)), and
     * optionally an {@code llm} section: then a chat model writes its plans (at most {@code maxSteps}
     * steps, 5) and the profile still sets its price and the quality the jury sees.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({
        "id",
        "class",
        "pricePerToken",
        "meanTokens",
        "entropy",
        "capability",
        "slope",
        "memoryHelp",
        "llm",
        "maxSteps"
    })
    public record BidderConfig(
            String id,

            @com.fasterxml.jackson.annotation.JsonProperty("class")
            String bidderClass,

            @JsonDeserialize(using = MoneyInput.DoubleAmount.class)
            Double pricePerToken,

            Integer meanTokens,
            Double entropy,
            Double capability,
            Double slope,
            Double memoryHelp,
            LlmConfig llm,
            Integer maxSteps) {
        public BidderConfig {
            if (id == null || !id.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("a bidder needs an id of letters, digits, '.', '_' and '-'");
            }
            bidderClass = Objects.requireNonNullElse(bidderClass, id);
            if (pricePerToken == null || pricePerToken < 0) {
                throw new IllegalArgumentException("bidder " + id + " needs pricePerToken >= 0");
            }
            if (Money.problem(pricePerToken) != null) {
                throw new IllegalArgumentException("pricePerToken " + Money.problem(pricePerToken));
            }
            meanTokens = Objects.requireNonNullElse(meanTokens, 150);
            if (meanTokens < 1) {
                throw new IllegalArgumentException("meanTokens must be >= 1, was " + meanTokens);
            }
            entropy = Objects.requireNonNullElse(entropy, 2.0);
            if (entropy < 0) {
                throw new IllegalArgumentException("entropy must be >= 0, was " + entropy);
            }
            if (capability == null) {
                throw new IllegalArgumentException(
                        "bidder " + id + " needs capability (the difficulty it masters half" + " the time, e.g. 0.4)");
            }
            slope = Objects.requireNonNullElse(slope, 8.0);
            if (slope <= 0) {
                throw new IllegalArgumentException("slope must be > 0, was " + slope);
            }
            memoryHelp = Objects.requireNonNullElse(memoryHelp, 0.5);
            if (memoryHelp < 0 || memoryHelp > 1) {
                throw new IllegalArgumentException("memoryHelp must be within [0, 1], was " + memoryHelp);
            }
            if (maxSteps != null && llm == null) {
                throw new IllegalArgumentException("maxSteps applies only to a bidder with an llm section");
            }
            maxSteps = llm == null ? null : Objects.requireNonNullElse(maxSteps, 5);
            if (maxSteps != null && maxSteps < 1) {
                throw new IllegalArgumentException("maxSteps must be >= 1, was " + maxSteps);
            }
        }
    }
}

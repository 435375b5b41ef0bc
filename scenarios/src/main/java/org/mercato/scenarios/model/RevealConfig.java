package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import org.mercato.sim.market.RevealSettings;

/**
 * When proposals reach the assistant. {@code policy}: {@code immediate} (default; when made),
 * {@code batched} (held for {@code window}, default 2s, from the first held proposal, then revealed
 * together in a seeded random order) or {@code min-wait} (nothing before {@code minWait}, default
 * 1s, after the customer's first inquiry; then all held ones at once, in the order made, and later
 * ones when made). A proposal's validity runs from when it was made.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"policy", "window", "minWait"})
public record RevealConfig(Policy policy, Duration window, Duration minWait) {
    public enum Policy {
        @JsonProperty("immediate")
        IMMEDIATE,
        @JsonProperty("batched")
        BATCHED,
        @JsonProperty("min-wait")
        MIN_WAIT
    }

    public static final RevealConfig DEFAULT = new RevealConfig(null, null, null);

    public RevealConfig {
        policy = Objects.requireNonNullElse(policy, Policy.IMMEDIATE);
        if (policy == Policy.BATCHED) {
            window = Objects.requireNonNullElse(window, Duration.parse("2s"));
            if (window.micros() <= 0) {
                throw new IllegalArgumentException("window must be > 0");
            }
        } else if (window != null) {
            throw new IllegalArgumentException("window applies only to policy batched");
        }
        if (policy == Policy.MIN_WAIT) {
            minWait = Objects.requireNonNullElse(minWait, Duration.parse("1s"));
        } else if (minWait != null) {
            throw new IllegalArgumentException("minWait applies only to policy min-wait");
        }
    }

    public RevealSettings toModel() {
        return switch (policy) {
            case IMMEDIATE -> RevealSettings.IMMEDIATE;
            case BATCHED -> RevealSettings.batched(window.micros());
            case MIN_WAIT -> RevealSettings.minWait(minWait.micros());
        };
    }
}

package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * Returning customers: after a visit ends the customer comes back with the same need after a gap
 * of mean {@code every}, drawn from an {@code exponential} distribution (default) or {@code fixed}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"every", "distribution"})
public record ReturnsConfig(Duration every, Distribution distribution) {
    public enum Distribution {
        @JsonProperty("exponential")
        EXPONENTIAL,
        @JsonProperty("fixed")
        FIXED
    }

    public ReturnsConfig {
        if (every == null || every.micros() <= 0) {
            throw new IllegalArgumentException("every is required: the mean gap between visits, such as 7d");
        }
        distribution = Objects.requireNonNullElse(distribution, Distribution.EXPONENTIAL);
    }
}

package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/** The "Overall Pick" badge: with {@code probability} (0.5) on one non-sponsored listing per page. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"probability"})
public record OverallPickConfig(Double probability) {
    public static final OverallPickConfig ACES = new OverallPickConfig(null);

    public OverallPickConfig {
        probability = Objects.requireNonNullElse(probability, 0.5);
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be within [0, 1], was " + probability);
        }
    }
}

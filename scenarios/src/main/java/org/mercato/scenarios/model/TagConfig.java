package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import org.mercato.sim.market.presentation.TagRule;

/**
 * A page badge drawn per page (ACES defaults): with {@code probability} (0.5), a count drawn
 * uniformly from {@code min} to {@code max} (1 to 4). For {@code sponsored} the count is how many
 * listings carry it; for {@code scarcity} it is the N of "Only N left".
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"probability", "min", "max"})
public record TagConfig(Double probability, Integer min, Integer max) {
    public static final TagConfig ACES = new TagConfig(null, null, null);

    public TagConfig {
        probability = Objects.requireNonNullElse(probability, 0.5);
        min = Objects.requireNonNullElse(min, 1);
        max = Objects.requireNonNullElse(max, Math.max(min, 4));
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be within [0, 1], was " + probability);
        }
        if (min < 1) {
            throw new IllegalArgumentException("min must be >= 1, was " + min);
        }
        if (max < min) {
            throw new IllegalArgumentException("max must be >= min (" + min + "), was " + max);
        }
    }

    public TagRule toModel() {
        return new TagRule(probability, min, max);
    }
}

package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A sweep over a scenario: {@code design} ({@code grid}, {@code zip}, {@code random},
 * {@code latin-hypercube}), {@code factors} (dotted scenario keys, as {@code --set} takes them, to
 * a list of levels, or for the sampled designs a range {@code {min, max}}), {@code replicates} (seeds
 * shared by every cell: common random numbers), {@code samples} (points drawn by the sampled designs)
 * and the design's own {@code seed} (defaults to the scenario's). {@code mercato run} ignores it;
 * {@code mercato sweep} runs it. Factor order is the file's order.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"design", "factors", "replicates", "samples", "seed"})
public record SweepConfig(String design, Map<String, Object> factors, Integer replicates, Integer samples, Long seed) {
    public static final Set<String> DESIGNS = Set.of("grid", "zip", "random", "latin-hypercube");

    public SweepConfig {
        design = Objects.requireNonNullElse(design, "grid");
        if (!DESIGNS.contains(design)) {
            throw new IllegalArgumentException(
                    "sweep.design must be one of grid, zip, random, latin-hypercube, was '" + design + "'");
        }
        if (factors == null || factors.isEmpty()) {
            throw new IllegalArgumentException("sweep.factors needs at least one dotted scenario key");
        }
        factors = Collections.unmodifiableMap(new LinkedHashMap<>(factors));
        replicates = Objects.requireNonNullElse(replicates, 1);
        if (replicates < 1) {
            throw new IllegalArgumentException("sweep.replicates must be at least 1, was " + replicates);
        }
        if (samples != null && samples < 1) {
            throw new IllegalArgumentException("sweep.samples must be at least 1, was " + samples);
        }
    }
}

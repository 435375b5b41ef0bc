package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A sweep over a scenario: {@code design} ({@code grid}, {@code zip}, {@code random},
 * {@code latin-hypercube}), {@code factors} (dotted scenario keys, as {@code --set} takes them, to
 * a list of levels, or for the sampled designs a range {@code {min, max}}, optionally with {@code
 * log: true} to sample on a log scale and {@code integer: true} to round), {@code replicates} (seeds
 * shared by every cell: common random numbers), {@code samples} (points drawn by the sampled designs)
 * and the design's own {@code seed} (defaults to the scenario's). {@code mercato run} ignores it;
 * {@code mercato sweep} runs it. Factor order is the file's order.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"design", "factors", "replicates", "samples", "seed"})
public record SweepConfig(String design, Map<String, Object> factors, Integer replicates, Integer samples, Long seed) {
    public static final Set<String> DESIGNS = Set.of("grid", "zip", "random", "latin-hypercube");
    private static final Set<String> RANGE_KEYS = Set.of("min", "max", "log", "integer");

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
        checkFactors(design, factors, samples);
    }

    /** Whether the design draws its points ({@code random}, {@code latin-hypercube}). */
    public boolean sampled() {
        return design.equals("random") || design.equals("latin-hypercube");
    }

    private static void checkFactors(String design, Map<String, Object> factors, Integer samples) {
        boolean sampled = design.equals("random") || design.equals("latin-hypercube");
        Integer zipLength = null;
        for (Map.Entry<String, Object> factor : factors.entrySet()) {
            String key = "sweep.factors." + factor.getKey();
            Object value = factor.getValue();
            if (value instanceof List<?> levels) {
                if (levels.isEmpty()) {
                    throw new IllegalArgumentException(key + " needs at least one level");
                }
                if (design.equals("zip")) {
                    if (zipLength != null && zipLength != levels.size()) {
                        throw new IllegalArgumentException("a zip design needs the same number of levels for every"
                                + " factor; " + key + " has " + levels.size() + ", an earlier factor " + zipLength);
                    }
                    zipLength = levels.size();
                }
            } else if (value instanceof Map<?, ?> range) {
                if (!sampled) {
                    throw new IllegalArgumentException(key + ": a " + design
                            + " design needs a list of levels; ranges {min, max} are for random and latin-hypercube");
                }
                checkRange(key, range);
            } else {
                throw new IllegalArgumentException(
                        key + " must be a list of levels, such as [1, 2, 3], or a range {min: 1, max: 10}");
            }
        }
        if (sampled && samples == null) {
            throw new IllegalArgumentException("sweep.samples is required for a " + design + " design");
        }
    }

    private static void checkRange(String key, Map<?, ?> range) {
        for (Object name : range.keySet()) {
            if (!RANGE_KEYS.contains(String.valueOf(name))) {
                throw new IllegalArgumentException(
                        key + ": unknown range key '" + name + "'; allowed: min, max, log, integer");
            }
        }
        if (!(range.get("min") instanceof Number min) || !(range.get("max") instanceof Number max)) {
            throw new IllegalArgumentException(key + ": a range needs numbers min and max");
        }
        if (min.doubleValue() > max.doubleValue()) {
            throw new IllegalArgumentException(key + ": min " + min + " is above max " + max);
        }
        for (String flag : List.of("log", "integer")) {
            Object f = range.get(flag);
            if (f != null && !(f instanceof Boolean)) {
                throw new IllegalArgumentException(key + "." + flag + " must be true or false");
            }
        }
        if (Boolean.TRUE.equals(range.get("log")) && min.doubleValue() <= 0) {
            throw new IllegalArgumentException(key + ": a log range needs min > 0");
        }
    }
}

package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.mercato.sim.kernel.ThinkTime;

/**
 * A think-time model: a plain duration ({@code 50ms}) is fixed; {@code {min, max}} is uniform;
 * {@code {min, median, sigma}} is min plus a log-normal with that median and log-scale sigma.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"fixed", "min", "max", "median", "sigma"})
public record ThinkTimeConfig(Duration fixed, Duration min, Duration max, Duration median, Double sigma) {
    public ThinkTimeConfig {
        boolean uniform = max != null;
        boolean lognormal = median != null || sigma != null;
        if (fixed != null && (min != null || uniform || lognormal)) {
            throw new IllegalArgumentException("give either fixed, {min, max} or {min, median, sigma}");
        }
        if (uniform && lognormal) {
            throw new IllegalArgumentException("give either {min, max} or {min, median, sigma}, not both");
        }
        if (uniform && min == null) {
            throw new IllegalArgumentException("a uniform think time needs min and max");
        }
        if (uniform && max.micros() < min.micros()) {
            throw new IllegalArgumentException("think time max must be >= min");
        }
        if (lognormal && (median == null || sigma == null)) {
            throw new IllegalArgumentException("a log-normal think time needs median and sigma (min is optional)");
        }
        if (sigma != null && sigma < 0) {
            throw new IllegalArgumentException("sigma must be >= 0");
        }
        if (fixed == null && !uniform && !lognormal) {
            throw new IllegalArgumentException("give either fixed, {min, max} or {min, median, sigma}");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ThinkTimeConfig fixed(String duration) {
        return new ThinkTimeConfig(Duration.parse(duration), null, null, null, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public static ThinkTimeConfig of(
            @JsonProperty("fixed") Duration fixed,
            @JsonProperty("min") Duration min,
            @JsonProperty("max") Duration max,
            @JsonProperty("median") Duration median,
            @JsonProperty("sigma") Double sigma) {
        return new ThinkTimeConfig(fixed, min, max, median, sigma);
    }

    public ThinkTime toModel() {
        if (fixed != null) {
            return ThinkTime.fixed(fixed.micros());
        }
        if (max != null) {
            return new ThinkTime.Uniform(min.micros(), max.micros());
        }
        return new ThinkTime.LogNormal(min == null ? 0 : min.micros(), median.micros(), sigma);
    }
}

package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;
import org.mercato.metrics.bias.LogitSpec;

/**
 * The page-choice conditional logit of summary.json: {@code covariates} (default {@code [position,
 * logPrice, rating, logReviews, tags]}; see {@link LogitSpec}), {@code productEffects} (a dummy per
 * product, default false) and {@code clusterBy} ({@code customer}, the default, or {@code none}
 * for standard errors from the information matrix).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"covariates", "productEffects", "clusterBy"})
public record LogitConfig(List<String> covariates, Boolean productEffects, String clusterBy) {
    public static final LogitConfig DEFAULT = new LogitConfig(null, null, null);

    public LogitConfig {
        covariates = covariates == null ? LogitSpec.DEFAULT.covariates() : List.copyOf(covariates);
        productEffects = Objects.requireNonNullElse(productEffects, false);
        clusterBy = Objects.requireNonNullElse(clusterBy, "customer");
        if (!clusterBy.equals("customer") && !clusterBy.equals("none")) {
            throw new IllegalArgumentException("clusterBy must be customer or none, was '" + clusterBy + "'");
        }
        spec(covariates, productEffects, clusterBy);
    }

    /** The estimator's specification. */
    public LogitSpec spec() {
        return spec(covariates, productEffects, clusterBy);
    }

    private static LogitSpec spec(List<String> covariates, boolean productEffects, String clusterBy) {
        return new LogitSpec(covariates, productEffects, clusterBy.equals("customer"));
    }
}

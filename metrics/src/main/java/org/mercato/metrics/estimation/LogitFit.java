package org.mercato.metrics.estimation;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A fitted conditional logit: one row per covariate, the log-likelihoods at the estimate and at
 * zero, McFadden's pseudo-R² (1 − LL/LL₀), the number of choice sets and alternatives, and
 * whether Newton–Raphson converged (and in how many iterations).
 */
@JsonPropertyOrder({
    "covariates",
    "logLikelihood",
    "logLikelihoodNull",
    "pseudoR2",
    "choiceSets",
    "alternatives",
    "clusters",
    "iterations",
    "converged",
    "standardErrors"
})
public record LogitFit(
        List<Coefficient> covariates,
        double logLikelihood,
        double logLikelihoodNull,
        double pseudoR2,
        int choiceSets,
        int alternatives,
        Integer clusters,
        int iterations,
        boolean converged,
        String standardErrors) {

    /**
     * A coefficient with its model-based standard error (inverse information), the standard error
     * used for z and p ({@code se}: the cluster-robust one when clustering was asked for), z and the
     * two-sided normal p-value.
     */
    @JsonPropertyOrder({"name", "coef", "se", "z", "p", "modelSe", "robustSe"})
    public record Coefficient(
            String name, double coef, double se, double z, double p, double modelSe, Double robustSe) {}

    public Coefficient coefficient(String name) {
        for (Coefficient c : covariates) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no covariate " + name);
    }
}

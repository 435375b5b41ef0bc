package org.mercato.metrics.estimation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * A fitted conditional logit: one row per covariate, the log-likelihoods at the estimate and at
 * zero, McFadden's pseudo-R² (1 − LL/LL₀), the number of choice sets and alternatives, and
 * whether Newton–Raphson converged (and in how many iterations). A fit that did not converge also
 * carries its {@link Status}, the reason and the covariates that cause it; its standard errors,
 * z and p are null (they would mean nothing), except under quasi-complete separation for the
 * covariates outside the separating direction, which keep their limits; every number that is
 * not defined is null, so the JSON never holds NaN. A converged fit's JSON has none of {@code
 * status}, {@code reason} and {@code causedBy}, as before they existed.
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
    "status",
    "reason",
    "causedBy",
    "standardErrors"
})
public record LogitFit(
        List<Coefficient> covariates,
        Double logLikelihood,
        double logLikelihoodNull,
        Double pseudoR2,
        int choiceSets,
        int alternatives,
        Integer clusters,
        int iterations,
        @JsonIgnore Status status,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> causedBy,
        String standardErrors) {

    /** How the fit ended. */
    public enum Status {
        CONVERGED("converged"),
        /** Complete or quasi-complete separation: the estimate does not exist. */
        SEPARATED("separated"),
        /** Singular or near-singular information: some covariates are not identified. */
        SINGULAR("singular"),
        /** Newton–Raphson stopped without meeting the convergence test. */
        NOT_CONVERGED("not-converged");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        @JsonValue
        public String label() {
            return label;
        }
    }

    public LogitFit {
        Objects.requireNonNull(status, "status");
        if (status != Status.CONVERGED) {
            Objects.requireNonNull(reason, "reason");
        }
    }

    @JsonProperty("converged")
    public boolean converged() {
        return status == Status.CONVERGED;
    }

    /** The status, in the JSON only when the fit did not converge. */
    @JsonProperty("status")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    Status reportedStatus() {
        return status == Status.CONVERGED ? null : status;
    }

    /**
     * A coefficient with its model-based standard error (inverse information), the standard error
     * used for z and p ({@code se}: the cluster-robust one when clustering was asked for), z and the
     * two-sided normal p-value, in [0, 1]. Null where not defined (all but {@code coef} on a fit
     * that did not converge; {@code coef} too where it runs off to infinity or was not estimated).
     */
    @JsonPropertyOrder({"name", "coef", "se", "z", "p", "modelSe", "robustSe"})
    public record Coefficient(
            String name, Double coef, Double se, Double z, Double p, Double modelSe, Double robustSe) {
        /** A coefficient without inference. */
        static Coefficient bare(String name, Double coef) {
            return new Coefficient(name, coef, null, null, null, null, null);
        }
    }

    public Coefficient coefficient(String name) {
        for (Coefficient c : covariates) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no covariate " + name);
    }
}

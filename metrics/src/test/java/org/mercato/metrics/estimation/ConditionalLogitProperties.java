package org.mercato.metrics.estimation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever the choice data (small, coarse covariates so that ties, separation and collinearity are
 * common), the fit prints only p-values that are probabilities, no NaN, and calls itself converged
 * only with a finite negative log-likelihood and finite standard errors; and whenever neither
 * separation nor collinearity is found, Newton–Raphson converges (the checks miss nothing).
 */
class ConditionalLogitProperties {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Sets of 1–4 alternatives; covariates coarse or continuous, sometimes a combination of others. */
    static List<ChoiceSet> data(long seed, int sets, int k, int style) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ChoiceSet> out = new ArrayList<>();
        for (int s = 0; s < sets; s++) {
            int alternatives = 1 + random.nextInt(4);
            double[][] x = new double[alternatives][k];
            for (double[] row : x) {
                for (int a = 0; a < k; a++) {
                    row[a] = style % 2 == 0 ? random.nextInt(3) : random.nextGaussian();
                }
                if (style == 2 && k >= 2) {
                    row[k - 1] = row[0] - 2 * row[k - 2];
                }
            }
            int chosen = random.nextInt(alternatives);
            if (style == 3 && random.nextInt(4) > 0) {
                // mostly the alternative with the largest first covariate: separation is likely
                for (int j = 0; j < alternatives; j++) {
                    chosen = x[j][0] > x[chosen][0] ? j : chosen;
                }
            }
            out.add(new ChoiceSet("s" + s, "c" + random.nextInt(5), x, chosen));
        }
        return out;
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.MIXIN)
    void everyPValueIsAProbabilityAndAConvergedFitIsFinite(
            @ForAll long seed,
            @ForAll @IntRange(min = 2, max = 40) int sets,
            @ForAll @IntRange(min = 1, max = 3) int k,
            @ForAll @IntRange(min = 0, max = 3) int style,
            @ForAll boolean clustered)
            throws Exception {
        List<String> names = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            names.add("x" + a);
        }

        LogitFit fit = new ConditionalLogit().fit(names, data(seed, sets, k, style), clustered);

        String json = JSON.writeValueAsString(fit);
        assertThat(json).doesNotContain("NaN").doesNotContain("Infinity");
        for (LogitFit.Coefficient c : fit.covariates()) {
            if (c.p() != null) {
                assertThat(c.p()).isBetween(0.0, 1.0);
            }
        }
        if (fit.converged()) {
            assertThat(fit.logLikelihood()).isNotNull().isFinite().isNegative();
            assertThat(fit.logLikelihood()).isGreaterThanOrEqualTo(fit.logLikelihoodNull() - 1e-9);
            for (LogitFit.Coefficient c : fit.covariates()) {
                assertThat(c.modelSe()).as(c.name()).isNotNull().isFinite().isPositive();
                assertThat(c.se()).as(c.name()).isNotNull().isFinite().isNotNegative();
                // only a cluster-robust error of 0 (the clusters' scores cancel) leaves p undefined
                assertThat(c.p() != null || c.se() == 0).as(c.name()).isTrue();
            }
        } else {
            // data that are identified and not separated have a finite estimate Newton-Raphson finds:
            // a fit that merely stops would mean the checks missed something
            assertThat(fit.status()).isIn(LogitFit.Status.SEPARATED, LogitFit.Status.SINGULAR);
            assertThat(fit.reason()).isNotBlank();
            assertThat(json).contains("\"status\"").contains("\"reason\"");
        }
    }
}

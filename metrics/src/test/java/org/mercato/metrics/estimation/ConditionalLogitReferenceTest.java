package org.mercato.metrics.estimation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Compares the estimator with R's survival::clogit on the shared reference data
 * (../shared/anchors/clogit-reference: 2,000 ACES-style sets, see its README for provenance).
 * Skipped where the shared folder is absent, as on a user's machine.
 */
class ConditionalLogitReferenceTest {
    private static final List<String> COVARIATES = List.of(
            "row1",
            "col1",
            "col2",
            "col3",
            "log_price",
            "rating",
            "log_reviews",
            "sponsored",
            "overall_pick",
            "scarcity");

    static Path referenceFolder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/anchors/clogit-reference");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    @Test
    void matchesRsClogitToSixDecimals() throws Exception {
        Path folder = referenceFolder();
        Assumptions.assumeTrue(folder != null, "the shared clogit reference is not available");
        JsonNode reference =
                new ObjectMapper().readTree(folder.resolve("reference-fit.json").toFile());
        var data = LongFormatChoices.read(folder.resolve("choices.csv"), "set_id", "chosen", "customer", COVARIATES);

        LogitFit fit = new ConditionalLogit().fit(data.covariates(), data.sets(), true);

        assertThat(fit.converged()).isTrue();
        assertThat(fit.choiceSets()).isEqualTo(reference.get("n_sets").asInt());
        assertThat(fit.clusters()).isEqualTo(400);
        assertThat(fit.logLikelihood()).isCloseTo(reference.get("loglik").asDouble(), within(1e-6 * 3447.6));
        assertThat(fit.logLikelihoodNull())
                .isCloseTo(reference.get("loglik_null").asDouble(), within(1e-6 * 4158.9));
        for (String name : COVARIATES) {
            JsonNode expected = reference.get("coefficients").get(name);
            LogitFit.Coefficient c = fit.coefficient(name);
            assertThat(c.coef()).as(name).isCloseTo(expected.get("coef").asDouble(), within(1e-6));
            assertThat(c.modelSe())
                    .as(name + " se")
                    .isCloseTo(expected.get("se").asDouble(), within(1e-6));
            assertThat(c.robustSe())
                    .as(name + " robust se")
                    .isCloseTo(expected.get("robust_se_by_customer").asDouble(), within(1e-6));
        }
        assertThat(fit.pseudoR2()).isCloseTo(1 - 3447.5981705149 / 4158.8830833597, within(1e-9));
    }
}

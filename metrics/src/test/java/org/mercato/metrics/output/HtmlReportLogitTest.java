package org.mercato.metrics.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mercato.metrics.bias.ChoiceLogitFold.ChoiceLogit;
import org.mercato.metrics.bias.ChoiceLogitFold.Coefficient;
import org.mercato.metrics.bias.ChoiceLogitFold.Fit;

class HtmlReportLogitTest {
    private static String section(boolean converged) {
        return section(converged, java.util.Map.of());
    }

    private static String section(boolean converged, java.util.Map<String, Double> planted) {
        Fit fit = new Fit(
                List.of(
                        new Coefficient("rank", -0.5, 0.1, -5.0, 0.0),
                        converged
                                ? new Coefficient("rating", 1.2, 0.3, 4.0, 0.0001)
                                : new Coefficient("rating", 30.0, null, null, null)),
                -0.01,
                -27.7,
                0.99,
                80,
                40,
                20,
                converged,
                converged ? null : "separated",
                converged ? null : List.of("rating"));
        StringBuilder html = new StringBuilder();
        HtmlReport.logit(
                html,
                new ChoiceLogit(40, List.of(), fit, converged ? null : "complete separation along +rating"),
                planted,
                "the shoppers");
        return html.toString();
    }

    @Test
    void aFitThatDidNotConvergeSaysSoWithItsReason() {
        assertThat(section(false))
                .contains("NOT converged (separated): complete separation along +rating")
                .doesNotContain(">rating<");
    }

    @Test
    void plantedValuesAreMarkedOnTheirCovariatesAndNamedInTheNote() {
        String html = section(true, java.util.Map.of("rank", -0.4));

        assertThat(html.split("class=\"marker\"", -1)).hasSize(2);
        assertThat(html).contains("Orange diamonds: the values the shoppers planted");
        assertThat(section(true)).doesNotContain("class=\"marker\"", "Orange diamonds");
    }

    @Test
    void aConvergedFitSaysNothingOfConvergence() {
        assertThat(section(true)).doesNotContain("NOT converged").contains("rating");
    }
}

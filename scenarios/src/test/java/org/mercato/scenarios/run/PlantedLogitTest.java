package org.mercato.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mercato.metrics.bias.ChoiceLogitFold.ChoiceLogit;
import org.mercato.metrics.bias.ChoiceLogitFold.Coefficient;
import org.mercato.metrics.bias.ChoiceLogitFold.Fit;
import org.mercato.scenarios.load.ScenarioLoader;

/** The planted values the report marks: the logit shoppers' parameters, by the fit's covariate names. */
class PlantedLogitTest {
    private static ChoiceLogit fitOf(String... names) {
        List<Coefficient> coefficients = java.util.Arrays.stream(names)
                .map(n -> new Coefficient(n, 0.1, 0.05, 2.0, 0.05))
                .toList();
        return new ChoiceLogit(
                100, List.of(), new Fit(coefficients, -1.0, -2.0, 0.5, 100, 100, 50, true, null, null), null);
    }

    @Test
    void logitShoppersPlantTheirCoefficientsUnderTheFitsNames() {
        var scenario = ScenarioLoader.load(Path.of("aces-logit.yaml"), List.of());
        PlantedLogit planted = PlantedLogit.of(
                scenario,
                fitOf(
                        "product:s2",
                        "row2",
                        "column3",
                        "logPrice",
                        "rating",
                        "tag:sponsored",
                        "tag:scarcity:2",
                        "tag:unknown"));

        assertThat(planted.byCovariate())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "row2",
                        -0.4,
                        "column3",
                        -0.15 * 2,
                        "logPrice",
                        -1.2,
                        "rating",
                        0.6,
                        "tag:sponsored",
                        0.3,
                        "tag:scarcity:2",
                        0.2));
        assertThat(planted.by()).contains("agents.assistants[0].params");
    }

    @Test
    void aMarketWithOtherShoppersPlantsNothing() {
        var mixed = ScenarioLoader.load(
                Path.of("aces-logit.yaml"), List.of("agents.assistants[1]={policy: rational, count: 10}"));
        var attention = ScenarioLoader.load(Path.of("consideration-set-size.yaml"), List.of());

        assertThat(PlantedLogit.of(mixed, fitOf("row2", "logPrice")).byCovariate())
                .isEmpty();
        assertThat(PlantedLogit.of(attention, fitOf("rank2", "logPrice")).byCovariate())
                .isEmpty();
        assertThat(PlantedLogit.of(null, fitOf("row2")).byCovariate()).isEmpty();
    }
}

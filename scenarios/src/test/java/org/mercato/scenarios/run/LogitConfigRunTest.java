package org.mercato.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.scenarios.Mercato;
import org.mercato.scenarios.load.ScenarioException;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.model.Scenario;

/** The scenario chooses the page-choice logit's covariates, product effects and clustering. */
class LogitConfigRunTest {
    @TempDir
    Path dir;

    private RunResult run(String... overrides) throws IOException {
        List<String> sets = new java.util.ArrayList<>(List.of("market.generate.customers=600"));
        sets.addAll(List.of(overrides));
        Scenario scenario = Mercato.bundled("position-and-tags", sets.toArray(String[]::new));
        return Mercato.writingTo(dir).run(scenario);
    }

    @Test
    void theChosenCovariatesAreEstimatedAndReportRecomputesThem() throws IOException {
        RunResult result = run("output.logit={covariates: [row, column, logPrice], clusterBy: none}");

        var fit = result.summary().market().choiceLogit().fit();
        assertThat(fit.coefficients())
                .extracting(c -> c.name())
                .containsExactly("row2", "column2", "column3", "column4", "logPrice");
        assertThat(fit.customers()).isNull();
        String live = Files.readString(result.folder().resolve("summary.json"));
        RunReport.rewrite(result.folder());
        assertThat(Files.readString(result.folder().resolve("summary.json"))).isEqualTo(live);
    }

    @Test
    void productEffectsReplaceWhatIsConstantPerProduct() throws IOException {
        RunResult result = run("output.logit={covariates: [position, rating], productEffects: true}");

        var logit = result.summary().market().choiceLogit();
        assertThat(logit.fit().coefficients())
                .anySatisfy(c -> assertThat(c.name()).startsWith("product:"));
        assertThat(logit.fit().coefficients()).extracting(c -> c.name()).contains("row2");
        assertThat(logit.fit().customers()).isPositive();
    }

    @Test
    void anUnknownCovariateIsBadInputAtItsKey() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                name: bad
                market:
                  generate: {domain: restaurants, customers: 5, services: 5}
                output:
                  logit:
                    covariates: [rank, colour]
                """);

        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(file, List.of()));

        assertThat(e.getMessage())
                .contains("bad.yaml:")
                .contains("unknown 'colour'")
                .contains("logPrice");
    }
}

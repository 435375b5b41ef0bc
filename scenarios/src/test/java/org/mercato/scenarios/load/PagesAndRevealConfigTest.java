package org.mercato.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.model.PresentationConfig;
import org.mercato.scenarios.model.RevealConfig;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.RunEnvironment;
import org.mercato.scenarios.run.WiredRun;
import org.mercato.scenarios.validate.ScenarioValidator;
import org.mercato.sim.market.RevealSettings;
import org.mercato.sim.market.presentation.PresentationSettings;
import org.mercato.sim.market.presentation.TagRule;

/** The {@code market.presentation} and {@code market.reveal} keys: defaults, wiring and errors. */
class PagesAndRevealConfigTest {
    /** Line numbers in the assertions below refer to this text. */
    static final String ACES = """
            name: aces
            market:
              generate: {customers: 4, services: 12}
              search: {pageSize: 8}
              presentation:
                layout: grid
                mode: full
              reveal:
                policy: batched
            """;

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("scenario.yaml");
        Files.writeString(file, text);
        return file;
    }

    private String failure(String text) throws IOException {
        Path file = write(text);
        ScenarioException e = catchThrowableOfType(
                ScenarioException.class, () -> ScenarioValidator.load(file, List.of(), PolicyRegistry.builtIn()));
        assertThat(e).as("loading should fail").isNotNull();
        return e.getMessage();
    }

    @Test
    void withoutTheKeysPagesAreAPlainListAndProposalsImmediate() throws IOException {
        Scenario scenario = ScenarioLoader.load(write("market: {generate: {customers: 1, services: 1}}\n"));

        assertThat(scenario.market().presentation()).isEqualTo(PresentationConfig.DEFAULT);
        assertThat(scenario.market().presentation().logsImpressions()).isFalse();
        assertThat(scenario.market().presentation().toModel()).isEqualTo(PresentationSettings.DEFAULT);
        assertThat(scenario.market().reveal().toModel()).isEqualTo(RevealSettings.IMMEDIATE);
        var setup = WiredRun.setup(scenario, RunEnvironment.of(PolicyRegistry.builtIn()));
        assertThat(setup.presentation()).isEqualTo(PresentationSettings.DEFAULT);
        assertThat(setup.reveal()).isEqualTo(RevealSettings.IMMEDIATE);
    }

    @Test
    void aGridInFullModeTakesAcesDefaultsAndIsWired() throws IOException {
        Scenario scenario = ScenarioLoader.load(write(ACES));

        PresentationConfig pages = scenario.market().presentation();
        assertThat(pages.rows()).isEqualTo(2);
        assertThat(pages.columns()).isEqualTo(4);
        assertThat(pages.shuffle()).isTrue();
        assertThat(pages.priceSigma()).isEqualTo(0.3);
        assertThat(pages.ratingJitter()).isEqualTo(0.4);
        assertThat(pages.reviewsSigma()).isEqualTo(1.0);
        assertThat(pages.sponsored().toModel()).isEqualTo(TagRule.ACES);
        assertThat(pages.overallPick().probability()).isEqualTo(0.5);
        assertThat(pages.scarcity().toModel()).isEqualTo(TagRule.ACES);
        assertThat(pages.logsImpressions()).isTrue();
        assertThat(pages.impressions()).as("auto, not frozen").isNull();
        assertThat(scenario.market().reveal().window().text()).isEqualTo("2s");

        var setup = WiredRun.setup(scenario, RunEnvironment.of(PolicyRegistry.builtIn()));
        assertThat(setup.presentation()).isEqualTo(PresentationSettings.aces());
        assertThat(setup.reveal()).isEqualTo(RevealSettings.batched(2_000_000));
    }

    @Test
    void givenValuesWinAndTheResolvedScenarioRoundTrips() throws IOException {
        Scenario scenario = ScenarioLoader.load(write(ACES.replace("    mode: full\n", """
                    mode: full
                    rows: 4
                    columns: 2
                    priceSigma: 0.5
                    sponsored: {probability: 0.2, max: 2}
                    overallPick: {probability: 0}
                    impressions: false
                """)
                .replace("policy: batched", "policy: min-wait\n    minWait: 750ms")));

        PresentationSettings pages = scenario.market().presentation().toModel();
        assertThat(pages.rows()).isEqualTo(4);
        assertThat(pages.priceSigma()).isEqualTo(0.5);
        assertThat(pages.sponsored()).isEqualTo(new TagRule(0.2, 1, 2));
        assertThat(pages.overallPick()).isZero();
        assertThat(pages.impressions()).isFalse();
        assertThat(scenario.market().reveal().toModel()).isEqualTo(RevealSettings.minWait(750_000));

        Scenario again = ScenarioLoader.load(write(ScenarioYaml.write(scenario)));
        assertThat(again).isEqualTo(scenario);
    }

    @Test
    void overridesReachTheNewKeys() throws IOException {
        Scenario scenario = ScenarioLoader.load(
                write(ACES), List.of("market.reveal.policy=min-wait", "market.presentation.mode=permutation"));
        assertThat(scenario.market().reveal().policy()).isEqualTo(RevealConfig.Policy.MIN_WAIT);
        assertThat(scenario.market().reveal().minWait().text()).isEqualTo("1s");
        assertThat(scenario.market().presentation().toModel().shufflesPositions())
                .isTrue();
        assertThat(scenario.market().presentation().toModel().priceSigma()).isZero();
    }

    @Test
    void aResolvedPlainScenarioLogsImpressionsOnceItsPagesAreRandomized() throws IOException {
        Scenario plain = ScenarioLoader.load(write("market: {generate: {customers: 1, services: 8}}\n"));
        Path resolved = write(ScenarioYaml.write(plain));
        Scenario randomized = ScenarioLoader.load(resolved, List.of("market.presentation.mode=permutation"));
        assertThat(randomized.market().presentation().toModel().impressions()).isTrue();
        Scenario quiet = ScenarioLoader.load(
                resolved, List.of("market.presentation.mode=permutation", "market.presentation.impressions=false"));
        assertThat(quiet.market().presentation().toModel().impressions()).isFalse();
    }

    @Test
    void aGridThatDoesNotMatchThePageSizeSaysWhatToSet() throws IOException {
        assertThat(failure(ACES.replace("  search: {pageSize: 8}\n", "")))
                .endsWith("scenario.yaml:4:3: market.presentation: grid of 2 x 4 holds 8 listings but"
                        + " search.pageSize is 10; set market.search.pageSize to 8");
    }

    @Test
    void aValueRandomizationOutsideFullModeIsReportedAtItsKey() throws IOException {
        assertThat(failure(ACES.replace("mode: full", "mode: permutation\n    priceSigma: 0.3")))
                .endsWith("scenario.yaml:8:17: market.presentation.priceSigma: applies only to mode full"
                        + " (mode is permutation)");
        assertThat(failure(ACES.replace("layout: grid", "layout: list\n    rows: 2")))
                .contains("market.presentation.rows: applies only to layout grid");
    }

    @Test
    void badValuesNameTheirKeyAndTheChoices() throws IOException {
        assertThat(failure(ACES.replace("mode: full", "mode: shuffled")))
                .endsWith("scenario.yaml:7:11: market.presentation.mode: expected one of none, permutation, full,"
                        + " got 'shuffled'");
        assertThat(failure(ACES.replace("policy: batched", "policy: later")))
                .endsWith("scenario.yaml:9:13: market.reveal.policy: expected one of immediate, batched, min-wait,"
                        + " got 'later'");
        assertThat(failure(ACES.replace("mode: full", "mode: full\n    sponsored: {probability: 1.5}")))
                .endsWith("market.presentation.sponsored.probability: must be within [0, 1], was 1.5");
        assertThat(failure(ACES.replace("mode: full", "mode: full\n    scarcity: {min: 3, max: 2}")))
                .endsWith("market.presentation.scarcity.max: must be >= min (3), was 2");
        assertThat(failure(ACES.replace("mode: full", "mode: full\n    ratingJitter: 2")))
                .endsWith("market.presentation.ratingJitter: must be within [0, 1], was 2.0");
        assertThat(failure(ACES.replace("layout: grid", "layout: grid\n    rows: 0")))
                .endsWith("market.presentation.rows: must be >= 1, was 0");
    }

    @Test
    void revealKeysBelongToTheirPolicy() throws IOException {
        assertThat(failure(ACES.replace("policy: batched", "policy: min-wait\n    window: 2s")))
                .endsWith("scenario.yaml:10:13: market.reveal.window: applies only to policy batched");
        assertThat(failure(ACES.replace("policy: batched", "policy: batched\n    minWait: 2s")))
                .endsWith("market.reveal.minWait: applies only to policy min-wait");
        assertThat(failure(ACES.replace("policy: batched", "policy: batched\n    window: 0s")))
                .endsWith("market.reveal.window: must be > 0");
        assertThat(failure(ACES.replace("policy: batched", "policy: batched\n    windw: 3s")))
                .contains("market.reveal.windw: unknown key 'windw'; allowed here: policy, window, minWait");
    }
}

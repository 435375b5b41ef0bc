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
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.RunEnvironment;
import org.mercato.scenarios.run.WiredRun;
import org.mercato.scenarios.validate.ScenarioValidator;
import org.mercato.sim.SimulationSetup;
import org.mercato.sim.market.ads.AdPricing;
import org.mercato.sim.market.ads.QualitySource;

/** The {@code market.ads} keys: defaults, wiring, overrides and errors at their key. */
class AdsConfigLoadTest {
    /** Line numbers in the assertions below refer to this text. */
    static final String ADS = """
            name: ads
            market:
              generate: {domain: retail, customers: 4, services: 6}
              ads:
                mechanism: vcg
                reserve: 0.25
                bidders:
                  - {count: 2, strategy: shaded, shade: 0.5}
                  - {count: 1, strategy: none}
                  - {strategy: learning, value: 3.00}
            """;

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("scenario.yaml");
        Files.writeString(file, text);
        return file;
    }

    private Scenario load(String text, String... overrides) throws IOException {
        return ScenarioValidator.load(write(text), List.of(overrides), PolicyRegistry.builtIn());
    }

    private String failure(String text) throws IOException {
        Path file = write(text);
        ScenarioException e = catchThrowableOfType(
                ScenarioException.class, () -> ScenarioValidator.load(file, List.of(), PolicyRegistry.builtIn()));
        assertThat(e).as("loading should fail").isNotNull();
        return e.getMessage();
    }

    @Test
    void withoutTheKeyThereAreNoAds() throws IOException {
        Scenario scenario = load(ADS.substring(0, ADS.indexOf("  ads:")));
        assertThat(scenario.market().ads()).isNull();
        assertThat(WiredRun.setup(scenario, RunEnvironment.of(PolicyRegistry.builtIn()))
                        .ads())
                .isNull();
    }

    @Test
    void defaultsAndGroupsAreWired() throws IOException {
        Scenario scenario = load(ADS);
        var ads = scenario.market().ads();
        assertThat(ads.slots()).isEqualTo(2);
        assertThat(ads.sigma()).isEqualTo(1.0);
        assertThat(ads.counterfactual()).isFalse();
        SimulationSetup setup = WiredRun.setup(scenario, RunEnvironment.of(PolicyRegistry.builtIn()));
        var settings = setup.ads().settings();
        assertThat(settings.mechanism().name()).isEqualTo("vcg");
        assertThat(settings.rules().reserve()).isEqualTo(25);
        assertThat(settings.quality()).isEqualTo(QualitySource.RATING);
        assertThat(settings.pricing()).isEqualTo(AdPricing.PER_CHOICE);
        assertThat(settings.placement().positions()).containsExactly(1, 2);
        // Two shaded, one without ads, three learning: five advertisers, in catalog order.
        var services = setup.catalog().services();
        assertThat(setup.ads().advertisers())
                .extracting(a -> a.service())
                .containsExactly(
                        services.get(0).id(),
                        services.get(1).id(),
                        services.get(3).id(),
                        services.get(4).id(),
                        services.get(5).id());
        assertThat(setup.ads().advertisers())
                .allSatisfy(a -> assertThat(a.budget()).isEqualTo(Long.MAX_VALUE));
        // The learning group's configured value, fully shaded at most.
        long bid = setup.ads()
                .advertisers()
                .get(2)
                .bidder()
                .get()
                .bid(new org.mercato.sim.market.ads.Bidder.BidRequest(0, "q", Long.MAX_VALUE, 25));
        assertThat(bid).isBetween(150L, 300L);
    }

    @Test
    void overridesReachTheKeysAndTheResolvedScenarioRoundTrips() throws IOException {
        Scenario scenario = load(
                ADS,
                "market.ads.mechanism=first-price",
                "market.ads.placement=interleaved",
                "market.ads.budget=10",
                "market.ads.pricing=per-impression");
        assertThat(scenario.market().ads().mechanism()).isEqualTo("first-price");
        assertThat(scenario.market().ads().positions()).containsExactly(1, 4);
        Scenario again =
                ScenarioValidator.load(write(ScenarioYaml.write(scenario)), List.of(), PolicyRegistry.builtIn());
        assertThat(again.market().ads()).isEqualTo(scenario.market().ads());
        var setup = WiredRun.setup(again, RunEnvironment.of(PolicyRegistry.builtIn()));
        assertThat(setup.ads().advertisers())
                .allSatisfy(a -> assertThat(a.budget()).isEqualTo(1_000));
    }

    @Test
    void badValuesNameTheirKeyAndTheChoices() throws IOException {
        assertThat(failure(ADS.replace("mechanism: vcg", "mechanism: english")))
                .endsWith("scenario.yaml:5:16: market.ads.mechanism: expected one of gsp, vcg, first-price,"
                        + " second-price, got 'english'");
        assertThat(failure(ADS.replace("reserve: 0.25", "reserve: -1")))
                .contains("market.ads.reserve: must be >= 0, was -1");
        assertThat(failure(ADS.replace("reserve: 0.25", "reserve: 0.25\n    pricing: per-click")))
                .contains("market.ads.pricing: expected one of per-choice, per-impression, got 'per-click'");
        assertThat(failure(ADS.replace("reserve: 0.25", "reserve: 0.25\n    positions: [1, 3]")))
                .contains("market.ads.positions: applies only to placement interleaved");
        assertThat(failure(ADS.replace("reserve: 0.25", "reserve: 0.25\n    slotWeights: [0.5, 1]")))
                .contains("market.ads.slotWeights: must be > 0 and non-increasing, got [0.5, 1.0]");
        assertThat(failure(ADS.replace("strategy: none", "strategy: greedy")))
                .contains("strategy: expected one of truthful, shaded, paced, learning, none, got 'greedy'");
        assertThat(failure(ADS.replace("strategy: shaded, shade: 0.5", "strategy: truthful, shade: 0.5")))
                .contains("shade: applies only to strategy shaded");
        assertThat(failure(ADS.replace("reserve: 0.25", "reserve: 0.25\n    slots: 11")))
                .endsWith("scenario.yaml:2:1: market: ads.slots (11) must be at most search.pageSize (10): the ads"
                        + " share the first results page");
        assertThat(failure(ADS.replace("reserve: 0.25", "reserve: 0.25\n    slot: 3")))
                .contains("market.ads.slot: unknown key 'slot'");
        String grid =
                "  search: {pageSize: 8}\n  presentation: {layout: grid, rows: 2, columns: 4, mode: full}\n  ads:";
        assertThat(failure(ADS.replace("  ads:", grid)))
                .contains("market: ads: the auction's winners carry the 'sponsored' badge")
                .contains("presentation.sponsored: {probability: 0}");
        load(ADS.replace("  ads:", grid.replace("mode: full}", "mode: full, sponsored: {probability: 0}}")));
    }

    @Test
    void biddersAskingForMoreServicesThanTheMarketHasFailClearly() throws IOException {
        assertThat(failure(ADS.replace("count: 2,", "count: 9,")))
                .endsWith("scenario.yaml:7:5: market.ads.bidders: the bidder groups ask for 10 services but the market"
                        + " has 6");
    }
}

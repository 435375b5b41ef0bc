package org.mercato.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.scenarios.model.PricingConfig;
import org.mercato.scenarios.model.Scenario;

/** market.pricing: the paper's defaults, firms as a count or a per-firm list, and both written back as given. */
class PricingConfigLoadTest {
    @TempDir
    Path dir;

    private Scenario load(String pricing, String... sets) throws IOException {
        Path file = Files.writeString(dir.resolve("p.yaml"), "name: p\nmarket:\n  pricing: " + pricing + "\n");
        return ScenarioLoader.load(file, List.of(sets));
    }

    @Test
    void aPricingOnlyScenarioGetsCalvanosBaselineAndAnEmptyMarket() throws IOException {
        Scenario s = load("{}");
        PricingConfig p = s.market().pricing();

        assertThat(s.market().services()).isEmpty();
        assertThat(s.market().customers()).isEmpty();
        assertThat(p.logitDemand()).isTrue();
        assertThat(p.firmCount()).isEqualTo(2);
        assertThat(p.quality(1)).isEqualTo(2.0);
        assertThat(p.cost(0)).isEqualTo(1.0);
        assertThat(p.mu()).isEqualTo(0.25);
        assertThat(p.grid().size()).isEqualTo(15);
        assertThat(p.policy(0).name()).isEqualTo("q-learning");
        assertThat(p.policy(0).alpha()).isEqualTo(0.15);
        assertThat(p.policy(0).beta()).isEqualTo(4.0e-6);
        assertThat(p.policy(0).delta()).isEqualTo(0.95);
        assertThat(p.convergence().stable()).isEqualTo(100_000L);
        assertThat(p.impulse()).isNull();
        assertThat(ScenarioYaml.write(s)).contains("firms: 2\n");
    }

    @Test
    void aListOfFirmsOverridesQualityCostAndPolicyPerFirm() throws IOException {
        Scenario s =
                load("{quality: 2, firms: [{quality: 2.5}, {cost: 1.2, policy: {name: markup, markup: 0.3}}, {}]}");
        PricingConfig p = s.market().pricing();

        assertThat(p.firmCount()).isEqualTo(3);
        assertThat(p.quality(0)).isEqualTo(2.5);
        assertThat(p.quality(1)).isEqualTo(2.0);
        assertThat(p.cost(1)).isEqualTo(1.2);
        assertThat(p.policy(1).name()).isEqualTo("markup");
        assertThat(p.policy(1).markup()).isEqualTo(0.3);
        assertThat(p.policy(2).name()).isEqualTo("q-learning");
        assertThat(ScenarioLoader.load(Files.writeString(dir.resolve("again.yaml"), ScenarioYaml.write(s)), List.of())
                        .market()
                        .pricing())
                .isEqualTo(p);
    }

    @Test
    void oneKeySwitchesThePolicyAndTheOthersKeysMayStay() throws IOException {
        Scenario s = load(
                "{policy: {name: q-learning, alpha: 0.1, llm: {baseUrl: 'http://localhost:1/v1', model: m}}}",
                "market.pricing.policy.name=llm");
        PricingConfig p = s.market().pricing();

        assertThat(p.policy(0).name()).isEqualTo("llm");
        assertThat(p.policy(0).history()).isEqualTo(20);
        assertThat(p.policy(0).periods()).isEqualTo(300L);
        assertThat(load("{}", "market.pricing.firms=3").market().pricing().firmCount())
                .isEqualTo(3);
    }
}

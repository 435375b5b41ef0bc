package org.mercato.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.model.Scenario;

/** The condition of a run: the label of its overrides and the hash of its resolved scenario. */
class RunConditionTest {
    private static final Path QUICKSTART = Path.of("quickstart.yaml");

    private static String label(String... overrides) {
        return new RunCondition(List.of(overrides), "h").label();
    }

    private static String hash(String... overrides) {
        Scenario scenario = ScenarioLoader.load(QUICKSTART, List.of(overrides));
        return RunCondition.of(scenario, List.of(overrides)).scenarioHash();
    }

    @Test
    void labelIsTheLastKeySegmentAndTheValue() {
        assertThat(label("agents.services[0].params.tactic=authority")).isEqualTo("tactic=authority");
        assertThat(label("market.generate.customers=5", "kernel.mode=bare")).isEqualTo("customers=5_mode=bare");
        assertThat(label("agents.services[1]={policy: posted-price, count: 5}"))
                .isEqualTo("services1=policy-posted-price-count-5");
        assertThat(label()).isEmpty();
    }

    @Test
    void longOverrideListsGiveABoundedLabelEndingInAHash() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            many.add("agents.services[" + i + "].params.tactic=authority");
        }
        String label = new RunCondition(many, "h").label();
        List<String> other = new ArrayList<>(many);
        other.set(11, "agents.services[11].params.tactic=scarcity");
        String otherLabel = new RunCondition(other, "h").label();

        assertThat(label).hasSizeLessThanOrEqualTo(RunCondition.MAX_LABEL).matches(".*-[0-9a-f]{8}");
        assertThat(otherLabel).hasSizeLessThanOrEqualTo(RunCondition.MAX_LABEL).isNotEqualTo(label);
    }

    @Property(tries = 200)
    void everyLabelIsASafeBoundedFileName(@ForAll @Size(max = 6) List<@StringLength(max = 40) String> overrides) {
        String label = new RunCondition(overrides, "h").label();
        assertThat(label).hasSizeLessThanOrEqualTo(RunCondition.MAX_LABEL).matches("[A-Za-z0-9._=-]*");
        assertThat(label).isNotIn(".", "..");
        if (overrides.isEmpty()) {
            assertThat(label).isEmpty();
        }
    }

    @Test
    void hashFollowsTheSimulatedScenarioNotItsOutputs() {
        String base = hash();

        assertThat(hash()).isEqualTo(base).hasSize(64).matches("[0-9a-f]+");
        assertThat(hash("market.generate.customers=5")).isNotEqualTo(base);
        assertThat(hash("seed=7")).isNotEqualTo(base);
        // what a run writes is not part of its condition (as for a sweep cell's id)
        assertThat(hash("output.csv=false", "output.duckdb=false")).isEqualTo(base);
    }
}

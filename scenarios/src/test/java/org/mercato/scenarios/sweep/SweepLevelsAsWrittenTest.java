package org.mercato.scenarios.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.load.ScenarioLoader;

/**
 * A factor level YAML 1.1 reads as a boolean or a number ({@code off}, {@code no}, {@code yes},
 * {@code 1.10}) is, for a text key, the text as written, in a sweep file, in a scenario's own
 * {@code sweep:} section and in {@code --factor}, as {@code --set} reads it; other keys keep their
 * typed levels.
 */
class SweepLevelsAsWrittenTest {
    @TempDir
    Path dir;

    @Test
    void aSweepFilesTextLevelsAreTheTextAsWritten() throws Exception {
        SweepFixtures.scenarioWithSweep(dir, SweepFixtures.GRID);
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "scenario: tiny.yaml",
                        "factors:",
                        "  description: [off, no, yes, 1.10]",
                        "  agents.assistants[0].params.inquiries: [1, 3]",
                        "replicates: 1",
                        ""));
        SweepSpec spec = SweepSpec.load(file);
        assertThat(spec.config().factors().get("description")).isEqualTo(List.of("off", "no", "yes", "1.10"));
        assertThat(spec.config().factors().get("agents.assistants[0].params.inquiries"))
                .isEqualTo(List.of(1, 3));

        SweepPlan plan = SweepPlan.of(spec, PolicyRegistry.builtIn(), "levels-test");
        assertThat(plan.cells()).hasSize(8);
        assertThat(plan.cells().stream().map(c -> c.scenario().description()).distinct())
                .containsExactly("off", "no", "yes", "1.10");
        Cell first = plan.cells().get(0);
        assertThat(first.factorsJson())
                .isEqualTo("{\"description\":\"off\",\"agents.assistants[0].params.inquiries\":1}");
        assertThat(first.overrides()).containsExactly("description=off", "agents.assistants[0].params.inquiries=1");
    }

    @Test
    void aScenariosOwnSweepSectionReadsTextLevelsTheSameWay() throws Exception {
        Path file = SweepFixtures.scenarioWithSweep(
                dir, String.join("\n", "design: grid", "factors:", "  description: [on, off]", "replicates: 1"));
        SweepPlan plan = SweepPlan.of(SweepSpec.load(file), PolicyRegistry.builtIn(), "levels-test");
        assertThat(plan.cells().stream().map(c -> c.scenario().description())).containsExactly("on", "off");
    }

    @Test
    void commandLineFactorsReadTextLevelsLikeSet() {
        assertThat(CommandLineFactors.parse(List.of("description=off,on", "agents.assistants[0].params.inquiries=1,3")))
                .containsEntry("description", List.of("off", "on"))
                .containsEntry("agents.assistants[0].params.inquiries", List.of(1, 3));
        assertThat(ScenarioLoader.overrideValue("agents.assistants[0].llm.cache.mode", "off")
                        .asText())
                .isEqualTo("off");
        assertThat(ScenarioLoader.overrideValue("agents.assistants[2].llm.cache.mode", "off")
                        .isTextual())
                .isTrue();
        assertThat(ScenarioLoader.overrideValue("market.search.pageSize", "10").isInt())
                .isTrue();
        assertThat(ScenarioLoader.overrideValue("output.baselines", "off").isBoolean())
                .isTrue();
    }
}

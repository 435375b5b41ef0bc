package org.mercato.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.load.ScenarioYaml;
import org.mercato.scenarios.model.Scenario;
import org.mercato.sim.kernel.KernelListener;

/**
 * With randomized grid pages and a reveal policy on, the same scenario and seed still write the
 * same bytes at parallelism 1 and 4 and in the bare loop.
 */
class PagesAndRevealDeterminismTest {
    @TempDir
    Path runs;

    private Scenario market(long seed, String... overrides) throws IOException {
        Path file = runs.resolve("generated.yaml");
        Files.writeString(file, ScenarioYaml.write(Scenarios.generated(300, 30)));
        List<String> sets = new ArrayList<>(List.of(
                "seed=" + seed,
                "market.search.pageSize=10",
                "market.presentation.layout=grid",
                "market.presentation.rows=2",
                "market.presentation.columns=5",
                "market.presentation.mode=full"));
        sets.addAll(List.of(overrides));
        return ScenarioLoader.load(file, sets);
    }

    private byte[] eventsOf(Scenario scenario) throws IOException {
        RunResult result = new ScenarioRunner(PolicyRegistry.builtIn(), runs, KernelListener.NONE).run(scenario);
        return Files.readAllBytes(result.eventLog());
    }

    private void assertSameBytesEverywhere(Scenario scenario, String... expectedTypes) throws IOException {
        byte[] one = eventsOf(ScenarioLoader.load(write(scenario), List.of("kernel.parallelism=1")));
        byte[] four = eventsOf(ScenarioLoader.load(write(scenario), List.of("kernel.parallelism=4")));
        byte[] bare = eventsOf(ScenarioLoader.load(write(scenario), List.of("kernel.mode=bare")));
        String log = new String(one, StandardCharsets.UTF_8);
        for (String type : expectedTypes) {
            assertThat(log).contains("\"type\":\"" + type + "\"");
        }
        assertThat(four).isEqualTo(one);
        assertThat(bare).isEqualTo(one);
    }

    private Path write(Scenario scenario) throws IOException {
        Path file = Files.createTempFile(runs, "scenario", ".yaml");
        Files.writeString(file, ScenarioYaml.write(scenario));
        return file;
    }

    @Test
    void batchedRevealsWithAcesPagesWriteIdenticalLogs() throws IOException {
        assertSameBytesEverywhere(
                market(5, "market.reveal.policy=batched", "market.reveal.window=1s"),
                "impression",
                "reveal",
                "payment");
    }

    @Test
    void minWaitWithPermutedPagesWritesIdenticalLogs() throws IOException {
        assertSameBytesEverywhere(
                market(
                        8,
                        "market.presentation.mode=permutation",
                        "market.reveal.policy=min-wait",
                        "market.reveal.minWait=700ms"),
                "impression",
                "reveal",
                "payment");
    }

    @Test
    void theSeedChangesThePages() throws IOException {
        Scenario a = market(5);
        Scenario b = market(6);
        assertThat(eventsOf(a)).isNotEqualTo(eventsOf(b));
        assertThat(eventsOf(a)).isEqualTo(eventsOf(market(5)));
    }
}

package org.mercato.scenarios.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.RunReport;
import org.mercato.scenarios.run.RunResult;
import org.mercato.scenarios.run.ScenarioRunner;
import org.mercato.scenarios.validate.ScenarioValidator;
import org.mercato.sim.kernel.KernelListener;

/**
 * The live run and {@code mercato report} take the same fold list from the same features: on an
 * untouched run folder, the report rewrites summary.json byte for byte, for a run of each feature
 * (LLM agents with their cost block, ads with their counterfactual, strategy auctions).
 */
class ReportEveryFeatureTest {
    @RegisterExtension
    static final ScriptedModelServer MODEL = new ScriptedModelServer();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"llm-local", "sponsored-search", "strategy-auction-routing"})
    void reportRewritesTheLiveSummaryByteForByte(String name) throws IOException {
        Path file = Path.of(name + ".yaml");
        Scenario scenario = ScenarioValidator.load(
                file,
                EveryBundledScenarioTest.reductions(ScenarioLoader.load(file), MODEL.baseUrl()),
                PolicyRegistry.builtIn());
        RunResult result = new ScenarioRunner(
                        PolicyRegistry.builtIn(), dir.resolve("runs"), KernelListener.NONE, key -> "test-key")
                .run(scenario);
        byte[] live = Files.readAllBytes(result.folder().resolve("summary.json"));

        RunReport.rewrite(result.folder());

        assertThat(new String(Files.readAllBytes(result.folder().resolve("summary.json"))))
                .isEqualTo(new String(live));
    }
}

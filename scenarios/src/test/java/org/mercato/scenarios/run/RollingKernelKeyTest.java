package org.mercato.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.ScenarioFiles;
import org.mercato.sim.KernelSettings;

/**
 * {@code kernel.rolling}: behavioural runs take the windowed kernel unless they ask for the rolling
 * one; runs whose agents need the rolling kernel refuse {@code false} at the key's location.
 */
class RollingKernelKeyTest {
    private static final String BEHAVIOURAL = """
            name: heavy
            seed: 5
            kernel: {parallelism: 2}
            market:
              generate: {customers: 6, services: 3}
            agents:
              assistants:
                - policy: rational
              services:
                - policy: posted-price
            """;

    private static final String WITH_A_MODEL = """
            name: chat
            seed: 5
            kernel: {parallelism: 2, rolling: false}
            market:
              generate: {customers: 6, services: 3}
            agents:
              assistants:
                - policy: llm-assistant
                  thinkTime: 1s
                  llm: {baseUrl: "http://127.0.0.1:9/v1", model: scripted, cache: {mode: "off"}}
              services:
                - policy: posted-price
            """;

    @TempDir
    Path dir;

    private KernelSettings kernel(String text) throws Exception {
        try (WiredRun wired = WiredRun.wire(
                ScenarioFiles.validated(dir, text), RunEnvironment.withoutModelCalls(PolicyRegistry.builtIn()))) {
            return wired.setup().kernel();
        }
    }

    private boolean rolls(String text) throws Exception {
        return kernel(text).rolling();
    }

    @Test
    void aBehaviouralRunRollsOnlyWhenAsked() throws Exception {
        assertThat(rolls(BEHAVIOURAL)).isFalse();
        assertThat(rolls(BEHAVIOURAL.replace("{parallelism: 2}", "{parallelism: 2, rolling: true}")))
                .isTrue();
        assertThat(rolls(BEHAVIOURAL.replace("{parallelism: 2}", "{parallelism: 2, rolling: false}")))
                .isFalse();
    }

    @Test
    void languageModelAgentsRefuseTheWindowedKernel() throws Exception {
        assertThat(ScenarioFiles.failure(dir, WITH_A_MODEL))
                .contains("scenario.yaml:3:")
                .contains("kernel.rolling: is false, but language-model agents need the rolling kernel");
        assertThat(rolls(WITH_A_MODEL.replace(", rolling: false", ""))).isTrue();
    }

    @Test
    void modelAgentsGetAnActorEachWhileBehaviouralRunsLeaveTheGroupingToTheKernel() throws Exception {
        assertThat(kernel(WITH_A_MODEL.replace(", rolling: false", "")).agentsPerActor())
                .isEqualTo(1);
        assertThat(kernel(BEHAVIOURAL.replace("{parallelism: 2}", "{parallelism: 2, rolling: true}"))
                        .agentsPerActor())
                .isZero();
    }
}

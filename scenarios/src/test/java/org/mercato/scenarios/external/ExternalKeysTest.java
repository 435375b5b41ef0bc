package org.mercato.scenarios.external;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.ScenarioFiles;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.ExternalFeature;
import org.mercato.scenarios.run.RunEnvironment;
import org.mercato.scenarios.run.WiredRun;
import org.mercato.sim.KernelSettings;

/** The external and gateway keys: checked at their file location, inactive under other policies. */
class ExternalKeysTest {
    static final String SCENARIO = """
            name: outside
            seed: 3
            kernel: {parallelism: 2}
            market:
              generate: {customers: 5, services: 3}
            agents:
              assistants:
                - policy: external
                  count: 4
                  external: {command: python3 shopper.py, timeout: 30s, cache: {mode: off}}
                - policy: rational
                  external: {timeout: 1s}
              services:
                - policy: external
                  params: {tactic: authority}
            gateway: {bind: 127.0.0.1, port: 0}
            """;

    @TempDir
    Path dir;

    private Scenario load(String text) throws Exception {
        return ScenarioFiles.validated(dir, text);
    }

    private String failure(String text) {
        return ScenarioFiles.failure(dir, text);
    }

    @Test
    void externalGroupsWireOnTheDeskWithTheRollingKernelAndEnoughThreads() throws Exception {
        Scenario scenario = load(SCENARIO);
        try (WiredRun wired = WiredRun.wire(scenario, RunEnvironment.withoutModelCalls(PolicyRegistry.builtIn()))) {
            ExternalFeature external = wired.feature(ExternalFeature.class);
            assertThat(external.groups()).hasSize(2); // the rational group's external section is inactive
            assertThat(external.groups().get(0).group().name()).isEqualTo("assistants-0");
            assertThat(external.groups().get(0).group().agentIds())
                    .containsExactly("customer_0001", "customer_0002", "customer_0003", "customer_0004");
            assertThat(external.groups().get(0).command()).isEqualTo("python3 shopper.py");
            assertThat(external.groups().get(0).group().turnTimeout()).hasSeconds(30);
            assertThat(external.groups().get(1).group().name()).isEqualTo("services-0");
            assertThat(external.groups().get(1).group().agentIds()).hasSize(3);
            assertThat(external.groups().get(0).group().token())
                    .isNotEqualTo(external.groups().get(1).group().token());
            KernelSettings kernel = wired.setup().kernel();
            assertThat(kernel.rolling()).isTrue();
            assertThat(kernel.agentsPerActor()).isEqualTo(1); // a waiting agent blocks its actor only
            assertThat(kernel.parallelism()).isEqualTo(7);
            assertThat(external.gatewaySettings().bind()).isEqualTo("127.0.0.1");
            // the tactic of an external seller group still decorates its listings
            assertThat(wired.setup().catalog().services().get(0).tactic()).isEqualTo("authority");
        }
    }

    @Test
    void badExternalAndGatewayValuesAreReportedAtTheirKeys() throws Exception {
        assertThat(failure(SCENARIO.replace("timeout: 30s", "timeout: 0s")))
                .endsWith("scenario.yaml:10:56: agents.assistants[0].external.timeout: must be at least 1ms (wall clock"
                        + " per turn), was 0s");
        assertThat(failure(SCENARIO.replace("cache: {mode: off}", "cache: {mode: replay}")))
                .contains("agents.assistants[0].external.cache")
                .contains("cache mode replay needs a folder");
        assertThat(failure(SCENARIO.replace("cache: {mode: off}", "cache: {mode: replay-loose}")))
                .contains("cache mode must be off, record, replay or replay-strict, was 'replay-loose'");
        assertThat(failure(SCENARIO.replace("port: 0", "port: 70000")))
                .endsWith("scenario.yaml:16:34: gateway.port: must be within [0, 65535] (0: any free port), was 70000");
        assertThat(failure(SCENARIO.replace("timeout: 30s,", "timeout: 30s, comand: x,")))
                .contains("comand");
        assertThat(failure(SCENARIO.replace("policy: external\n      count: 4", "policy: externl\n      count: 4")))
                .contains("(did you mean 'external'?)");
    }

    @Test
    void anAdsCounterfactualCannotRunWithExternalAgents() throws Exception {
        String withAds = SCENARIO.replace(
                "  generate: {customers: 5, services: 3}",
                "  generate: {customers: 5, services: 3}\n  ads: {slots: 1, counterfactual: true}");
        assertThat(failure(withAds)).contains("market.ads.counterfactual").contains("cannot run with external agents");
    }
}

package org.mercato.scenarios.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mercato.agents.PolicyRegistry;
import org.mercato.metrics.output.HeadlineMetric;
import org.mercato.metrics.output.SummaryMetrics;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.model.AgentGroupConfig;
import org.mercato.scenarios.model.Duration;
import org.mercato.scenarios.model.DynamicsConfig;
import org.mercato.scenarios.model.GeneratorConfig;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.RunResult;
import org.mercato.scenarios.run.ScenarioRunner;
import org.mercato.scenarios.validate.ScenarioValidator;
import org.mercato.sim.kernel.KernelListener;

/**
 * Every bundled scenario ({@code scenarios/*.yaml}, found by listing the folder, so new ones are
 * covered) runs to a summary at a reduced size, so none of them rots. The reduction is generic: a
 * generated market shrinks to a few customers and services (enough for the groups with a fixed
 * count); every LLM group talks to the scripted model on loopback without a cache; a pricing study
 * runs two short learning episodes, or under agent demand a couple of dozen periods. Anything else
 * runs as written. Each also names its headline metrics, all present in its flattened summary. (It
 * lives next to the scripted model, which is package-private.)
 */
class EveryBundledScenarioTest {
    static final int CUSTOMERS = 12;
    static final int SERVICES = 16;
    static final long AGENT_PRICING_PERIODS = 24;
    static final ScriptedModel MODEL = new ScriptedModel();
    static final MockWebServer SERVER = new MockWebServer();

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws IOException {
        SERVER.setDispatcher(MODEL);
        SERVER.start();
    }

    @AfterAll
    static void stop() throws IOException {
        SERVER.shutdown();
    }

    static Stream<Path> bundled() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(""))) {
            List<Path> yaml = files.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
            assertThat(yaml).isNotEmpty();
            return yaml.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundled")
    void runsToASummaryAtAReducedSize(Path file) throws IOException {
        Scenario scenario =
                ScenarioValidator.load(file, reductions(ScenarioLoader.load(file)), PolicyRegistry.builtIn());

        RunResult result = new ScenarioRunner(
                        PolicyRegistry.builtIn(), dir.resolve("runs"), KernelListener.NONE, name -> "test-key")
                .run(scenario);

        assertThat(result.folder().resolve("summary.json")).exists();
        assertThat(result.summary().market().events()).isPositive();
        assertThat(result.summary().scenario())
                .isEqualTo(file.getFileName().toString().replace(".yaml", ""));
        assertHeadlinesInSummary(scenario, result);
    }

    /**
     * Every bundled scenario names its headline metrics, and each one is in the flattened summary
     * at the reduced size (a mistyped or vanished name would only show as "missing"). A few dozen
     * customers are too few to fit a choice logit, so its coefficients are checked by {@code
     * StudyHeadlinesTest} on markets large enough for the fit.
     */
    private static void assertHeadlinesInSummary(Scenario scenario, RunResult result) throws IOException {
        List<HeadlineMetric> headline = scenario.output().headline();
        assertThat(headline).as("output.headline of " + scenario.name()).isNotEmpty();
        Map<String, Double> flat = SummaryMetrics.flatten(new ObjectMapper()
                .readTree(result.folder().resolve("summary.json").toFile()));
        assertThat(flat.keySet())
                .as("headline metrics of " + scenario.name() + " in its flattened summary")
                .containsAll(headline.stream()
                        .map(HeadlineMetric::metric)
                        .filter(name -> !name.startsWith(LOGIT_COEFFICIENTS))
                        .toList());
    }

    static final String LOGIT_COEFFICIENTS = "market.choiceLogit.fit.coefficients.";

    /** The overrides that shrink a scenario, computed from what it contains. */
    static List<String> reductions(Scenario scenario) {
        return reductions(scenario, SERVER.url("/v1").toString());
    }

    /** The overrides that shrink a scenario, its LLM groups talking to the model at {@code baseUrl}. */
    static List<String> reductions(Scenario scenario, String baseUrl) {
        List<String> sets = new ArrayList<>();
        GeneratorConfig generate = scenario.market().generate();
        if (generate != null) {
            int fixedAssistants = fixed(scenario.agents().assistants());
            int fixedServices = fixed(scenario.agents().services());
            sets.add("market.generate.customers="
                    + Math.min(generate.customers(), Math.max(CUSTOMERS, fixedAssistants + 1)));
            sets.add(
                    "market.generate.services=" + Math.min(generate.services(), Math.max(SERVICES, fixedServices + 1)));
        }
        llm(sets, "agents.assistants", scenario.agents().assistants(), baseUrl);
        llm(sets, "agents.services", scenario.agents().services(), baseUrl);
        if (scenario.market().pricing() != null) {
            // two short learning episodes: exploration decays 25 times faster than Calvano's
            sets.add("market.pricing.episodes="
                    + Math.min(scenario.market().pricing().episodes(), 2));
            sets.add("market.pricing.policy.beta=1e-4");
            sets.add("market.pricing.convergence.stable=2000");
            sets.add("market.pricing.convergence.maxPeriods=200000");
            sets.add("market.pricing.logEvery=20000");
            DynamicsConfig dynamics = scenario.market().dynamics();
            if (!scenario.market().pricing().logitDemand() && dynamics != null && dynamics.period() != null) {
                // agent demand: a period is a round of shopping, so keep a few dozen of them
                long periods = dynamics.horizon().micros() / dynamics.period().micros();
                if (periods > AGENT_PRICING_PERIODS) {
                    sets.add("market.dynamics.horizon="
                            + new Duration(AGENT_PRICING_PERIODS
                                            * dynamics.period().micros())
                                    .text());
                }
            }
        }
        return sets;
    }

    private static int fixed(List<AgentGroupConfig> groups) {
        return groups.stream()
                .filter(g -> g.count() != null)
                .mapToInt(AgentGroupConfig::count)
                .sum();
    }

    private static void llm(List<String> sets, String key, List<AgentGroupConfig> groups, String baseUrl) {
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).llm() != null
                    && PolicyRegistry.isLlmPolicy(groups.get(i).policy())) {
                String llm = key + "[" + i + "].llm.";
                sets.add(llm + "baseUrl=" + baseUrl);
                sets.add(llm + "cache.mode='off'");
                sets.add(llm + "timeout=5s");
            }
        }
    }
}

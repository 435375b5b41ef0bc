package org.mercato.scenarios.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mercato.agents.PolicyRegistry;
import org.mercato.metrics.output.HeadlineMetric;
import org.mercato.metrics.output.SummaryMetrics;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.RunResult;
import org.mercato.scenarios.run.ScenarioRunner;
import org.mercato.scenarios.validate.ScenarioValidator;
import org.mercato.sim.kernel.KernelListener;

/**
 * The studies that lead with choice-logit coefficients get a value for every headline metric on a
 * market large enough for the fit (400 customers, the size of aces-logit): the names they give
 * are the names the fit writes, and the fit converges there.
 */
class StudyHeadlinesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"aces-logit.yaml", "position-and-tags.yaml"})
    void everyHeadlineOfALogitStudyHasAValue(String file) throws IOException {
        Scenario scenario = ScenarioValidator.load(
                Path.of(file),
                List.of("market.generate.customers=400", "output.baselines=false"),
                PolicyRegistry.builtIn());
        List<String> names = scenario.output().headline().stream()
                .map(HeadlineMetric::metric)
                .toList();
        assertThat(names).anyMatch(name -> name.startsWith(EveryBundledScenarioTest.LOGIT_COEFFICIENTS));

        RunResult result = new ScenarioRunner(PolicyRegistry.builtIn(), dir, KernelListener.NONE).run(scenario);

        Map<String, Double> flat = SummaryMetrics.flatten(new ObjectMapper()
                .readTree(result.folder().resolve("summary.json").toFile()));
        assertThat(flat).containsKeys(names.toArray(String[]::new));
        assertThat(flat).containsEntry("market.choiceLogit.fit.converged", 1.0);
    }
}

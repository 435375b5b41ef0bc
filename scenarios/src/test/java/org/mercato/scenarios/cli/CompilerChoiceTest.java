package org.mercato.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.model.Scenario;

class CompilerChoiceTest {
    private static Scenario bundled(String file, String... overrides) throws Exception {
        return ScenarioLoader.load(Path.of("..", "scenarios", file), List.of(overrides));
    }

    @Test
    void theQuickstartRunsOnTheQuickCompiler() throws Exception {
        assertThat(CompilerChoice.wantsOptimisingCompiler(bundled("quickstart.yaml")))
                .isFalse();
        assertThat(CompilerChoice.wantsOptimisingCompiler(
                        bundled("quickstart.yaml", "market.generate.customers=20000")))
                .isFalse();
    }

    @Test
    void largeMarketsLearningSellersAndMarketsOverTimeWantBothCompilers() throws Exception {
        assertThat(CompilerChoice.wantsOptimisingCompiler(
                        bundled("quickstart.yaml", "market.generate.customers=" + CompilerChoice.LARGE_MARKET)))
                .isTrue();
        assertThat(CompilerChoice.wantsOptimisingCompiler(bundled("scale-1m.yaml")))
                .isTrue();
        assertThat(CompilerChoice.wantsOptimisingCompiler(bundled("algorithmic-pricing.yaml")))
                .isTrue();
        assertThat(CompilerChoice.wantsOptimisingCompiler(bundled("loyalty.yaml")))
                .isTrue();
    }

    @Test
    void withoutTheLaunchersQuickStartNothingRestarts() throws Exception {
        assertThat(System.getProperty("mercato.quickCompiler")).isNull();
        assertThat(CompilerChoice.restartWithBoth(bundled("scale-1m.yaml"))).isFalse();
    }
}

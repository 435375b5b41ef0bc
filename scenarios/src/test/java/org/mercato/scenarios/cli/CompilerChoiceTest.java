package org.mercato.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    void aLargeMarketRestartsBeforeItsMarketIsWiredForValidation(@TempDir Path dir) {
        // validating wires the market (8 s for scale-1m, which the restarted JVM would do again), so
        // the choice comes first: a parameter only validation refuses does not stop the restart
        String[] run = {
            "run",
            "quickstart.yaml",
            "--set",
            "agents.assistants[0].params.inquiries=-1",
            "--set",
            "market.generate.customers=" + CompilerChoice.LARGE_MARKET,
            "--out",
            dir.toString()
        };
        System.setProperty("mercato.quickCompiler", "true");
        try {
            assertThat(MercatoCliTest.mercato(run).code()).isEqualTo(CompilerChoice.WANTS_OPTIMISING_COMPILER);
            assertThat(dir).isEmptyDirectory();
            String[] small = run.clone();
            small[5] = "market.generate.customers=200";
            assertThat(MercatoCliTest.mercato(small).code()).isEqualTo(2);
        } finally {
            System.clearProperty("mercato.quickCompiler");
        }
    }

    @Test
    void withoutTheLaunchersQuickStartNothingRestarts() throws Exception {
        assertThat(System.getProperty("mercato.quickCompiler")).isNull();
        assertThat(CompilerChoice.restartWithBoth(bundled("scale-1m.yaml"))).isFalse();
    }
}

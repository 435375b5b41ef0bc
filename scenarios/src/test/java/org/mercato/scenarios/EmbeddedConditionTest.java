package org.mercato.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.RunResult;

/** A bundled scenario loaded with overrides and run embedded records them like {@code mercato run --set}. */
class EmbeddedConditionTest {
    @TempDir
    Path dir;

    @Test
    void theOverridesOfMercatoBundledReachTheSummaryAndTheFolderName() throws Exception {
        Scenario scenario = Mercato.bundled(
                "quickstart", "market.generate.customers=6", "output.baselines=false", "output.duckdb=false");
        RunResult result = Mercato.writingTo(dir).run(scenario);
        assertThat(result.summary().condition().overrides())
                .containsExactly("market.generate.customers=6", "output.baselines=false", "output.duckdb=false");
        assertThat(result.folder().getFileName().toString())
                .startsWith("quickstart-customers=6_baselines=false_duckdb=false-");

        Scenario plain = Mercato.load(result.folder().resolve("scenario.resolved.yaml"));
        RunResult again = Mercato.writingTo(dir).run(plain);
        assertThat(again.summary().condition().overrides()).isEmpty();
    }
}

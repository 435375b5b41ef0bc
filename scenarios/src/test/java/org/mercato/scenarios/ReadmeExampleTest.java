package org.mercato.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.RunResult;

/** Does exactly what the README's "Embedded use" example shows. */
class ReadmeExampleTest {
    @Test
    void theReadmeExampleRunsAQuickstartInProcess(@TempDir Path runs) throws Exception {
        // --- as in README.md (paths relative to the module folder here) ---
        Scenario scenario = Mercato.load(Path.of("quickstart.yaml"));
        RunResult result = Mercato.writingTo(runs).run(scenario);
        var welfare = result.summary().market().welfare();
        String line = "welfare " + welfare.total() + " of " + welfare.optimal() + ", events in " + result.eventLog();
        // --- end of the README example ---

        assertThat(result.eventLog()).exists().hasFileName("events.jsonl");
        assertThat(result.folder().resolve("summary.json")).exists();
        assertThat(Files.readAllLines(result.eventLog())).hasSizeGreaterThan(1000);
        assertThat(welfare.total()).isPositive().isLessThanOrEqualTo(welfare.optimal());
        assertThat(line).startsWith("welfare ").contains("events.jsonl");
    }
}

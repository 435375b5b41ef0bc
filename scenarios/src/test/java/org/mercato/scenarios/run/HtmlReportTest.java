package org.mercato.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.scenarios.Mercato;
import org.mercato.scenarios.load.ScenarioLoader;

/** Each run writes a self-contained report.html with its charts. */
class HtmlReportTest {
    @Test
    void theReportIsSelfContainedAndHasEveryChart(@TempDir Path runs) throws Exception {
        var scenario = ScenarioLoader.load(
                Path.of("quickstart.yaml"),
                List.of(
                        "market.presentation.layout=grid",
                        "market.search.pageSize=8",
                        "market.presentation.mode=full",
                        "output.duckdb=false"));
        RunResult result = Mercato.writingTo(runs).run(scenario);
        String html = Files.readString(result.folder().resolve("report.html"));

        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script");
        assertThat(html)
                .contains("Welfare against the optimum and the baselines")
                .contains("First-proposal selection by arrival order")
                .contains("Choice share by position")
                .contains("Choice share by grid cell")
                .contains("Conditional logit coefficients")
                .contains("Market activity over virtual time");
        assertThat(html.split("<svg", -1).length - 1).as("charts").isGreaterThanOrEqualTo(5);
        assertThat(html)
                .contains(String.format(
                        java.util.Locale.ROOT,
                        "%,.2f",
                        result.summary().market().welfare().optimal()));
        assertThat(result.folder().resolve("report.html.tmp")).doesNotExist();
    }
}

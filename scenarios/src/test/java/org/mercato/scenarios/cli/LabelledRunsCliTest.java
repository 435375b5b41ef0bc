package org.mercato.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mercato.scenarios.cli.MercatoCliTest.mercato;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run records its condition: the {@code --set} overrides and the scenario hash in summary.json
 * (kept by {@code mercato report}), a label of the overrides in the folder name and report title.
 */
class LabelledRunsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path run(Path runs, String... sets) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", "quickstart.yaml", "--quiet", "--out", runs.toString()));
        args.addAll(List.of("--set", "market.generate.customers=20", "--set", "output.duckdb=false"));
        for (String set : sets) {
            args.addAll(List.of("--set", set));
        }
        MercatoCliTest.Result result = mercato(args.toArray(String[]::new));
        assertThat(result.code()).as("stderr: %s", result.err()).isZero();
        return Path.of(result.out().strip());
    }

    @Test
    void twoConditionsGetTwoLabelledFoldersTitlesAndSummaries() throws IOException {
        Path runs = dir.resolve("runs");
        Path social = run(runs, "agents.services[0].params.tactic=social-proof");
        Path authority = run(runs, "agents.services[0].params.tactic=authority");

        assertThat(social.getFileName().toString())
                .matches("quickstart-customers=20_duckdb=false_tactic=social-proof-\\d{8}-\\d{6}(-\\d+)?");
        assertThat(authority.getFileName().toString())
                .matches("quickstart-customers=20_duckdb=false_tactic=authority-\\d{8}-\\d{6}(-\\d+)?");
        assertThat(Files.readString(authority.resolve("report.html")))
                .contains(
                        "<title>Mercato run quickstart [customers=20_duckdb=false_tactic=authority] (seed 42)</title>")
                .contains(
                        "<th>Overrides (--set)</th><td><code>market.generate.customers=20</code><br>"
                                + "<code>output.duckdb=false</code><br><code>agents.services[0].params.tactic=authority</code>");

        JsonNode summary = JSON.readTree(authority.resolve("summary.json").toFile());
        Iterator<String> keys = summary.fieldNames();
        assertThat(List.of(keys.next(), keys.next(), keys.next())).containsExactly("scenario", "seed", "condition");
        assertThat(JSON.treeToValue(summary.at("/condition/overrides"), String[].class))
                .containsExactly(
                        "market.generate.customers=20",
                        "output.duckdb=false",
                        "agents.services[0].params.tactic=authority");
        String hash = summary.at("/condition/scenarioHash").asText();
        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(JSON.readTree(social.resolve("summary.json").toFile())
                        .at("/condition/scenarioHash")
                        .asText())
                .isNotEqualTo(hash);

        // mercato report cannot recompute the condition from the log: it carries it over
        String before = Files.readString(authority.resolve("summary.json"));
        MercatoCliTest.Result report = mercato("report", authority.toString());
        assertThat(report.code()).as("stderr: %s", report.err()).isZero();
        assertThat(authority.resolve("summary.json")).hasContent(before);
        assertThat(Files.readString(authority.resolve("report.html")))
                .contains(
                        "<title>Mercato run quickstart [customers=20_duckdb=false_tactic=authority] (seed 42)</title>");
    }

    @Test
    void aRunWithoutOverridesKeepsTheUnlabelledFolderName() throws IOException {
        Path runs = dir.resolve("runs");
        MercatoCliTest.Result result = mercato("run", "quickstart.yaml", "--quiet", "--out", runs.toString());
        assertThat(result.code()).as("stderr: %s", result.err()).isZero();
        Path folder;
        try (Stream<Path> folders = Files.list(runs)) {
            folder = folders.findFirst().orElseThrow();
        }

        assertThat(folder.getFileName().toString()).matches("quickstart-\\d{8}-\\d{6}");
        assertThat(folder.resolve("summary.json")).content().contains("\"overrides\" : [ ]");
        assertThat(Files.readString(folder.resolve("report.html")))
                .contains("<title>Mercato run quickstart (seed 42)</title>")
                .contains("<th>Scenario</th><td>quickstart</td>", "<th>Seed</th><td>42</td>")
                .contains("<th>Overrides (--set)</th><td>none</td>");
    }
}

package org.mercato.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mercato.scenarios.cli.MercatoCliTest.badInput;
import static org.mercato.scenarios.cli.MercatoCliTest.mercato;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.scenarios.Mercato;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.load.ScenarioYaml;
import org.mercato.scenarios.run.RunResult;

/**
 * {@code mercato report} recomputes summary.json from the log with the live run's folds: on an
 * untouched run folder it writes the very same bytes (the market block is recomputed, the rest
 * carried over).
 */
class ReportCommandTest {
    @TempDir
    Path dir;

    private Path runWithPagesAndReveal(String... more) throws IOException {
        Path file = dir.resolve("quickstart.yaml");
        Files.writeString(file, Files.readString(Path.of("quickstart.yaml")));
        List<String> sets = new java.util.ArrayList<>(List.of(
                "market.generate.customers=60",
                "market.search.pageSize=6",
                "market.presentation.layout=grid",
                "market.presentation.rows=2",
                "market.presentation.columns=3",
                "market.reveal.policy=min-wait",
                "market.reveal.minWait=700ms",
                "agents.services[1]={policy: posted-price, count: 5, params: {tactic: social-proof},"
                        + " thinkTime: {min: 50ms, max: 2s}}"));
        sets.addAll(List.of(more));
        var scenario = ScenarioLoader.load(file, sets);
        Files.writeString(dir.resolve("resolved.yaml"), ScenarioYaml.write(scenario));
        RunResult result = Mercato.writingTo(dir.resolve("runs")).run(scenario);
        return result.folder();
    }

    @Test
    void reportRewritesTheSameSummaryByteForByte() throws IOException {
        Path folder = runWithPagesAndReveal();
        byte[] original = Files.readAllBytes(folder.resolve("summary.json"));
        String text = new String(original, StandardCharsets.UTF_8);
        assertThat(text)
                .contains("\"firstProposal\"", "\"position\"", "\"concentration\"", "\"reveal\"")
                .contains("\"baselines\" : {", "\"randomFeasible\"", "\"manipulation\" : {", "\"social-proof\"");

        // the market block must really be recomputed: spoil it first
        Files.writeString(
                folder.resolve("summary.json"), text.replaceFirst("\"customers\" : \\d+", "\"customers\" : 0"));
        var result = mercato("report", folder.toString());

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("wrote").contains("summary.json");
        // the live numbers came from the metrics actor, the recomputed ones from the log: same bytes
        assertThat(Files.readAllBytes(folder.resolve("summary.json"))).isEqualTo(original);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void theMetricsActorAndTheBareLoopsDirectFoldsAgree() throws IOException {
        String actors = Files.readString(runWithPagesAndReveal().resolve("summary.json"));
        String bare = Files.readString(runWithPagesAndReveal("kernel.mode=bare").resolve("summary.json"));

        assertThat(actors).contains("\"mode\" : \"actors\"");
        assertThat(bare).contains("\"mode\" : \"bare\"");
        assertThat(marketBlock(bare)).isEqualTo(marketBlock(actors));
    }

    @Test
    void withoutASummaryTheMarketBlockIsStillTheSame() throws IOException {
        Path folder = runWithPagesAndReveal();
        String original = Files.readString(folder.resolve("summary.json"));
        Files.delete(folder.resolve("summary.json"));

        var result = mercato("report", folder.toString());

        assertThat(result.code()).as(result.err()).isZero();
        String rewritten = Files.readString(folder.resolve("summary.json"));
        assertThat(marketBlock(rewritten)).isEqualTo(marketBlock(original));
        assertThat(rewritten).contains("summary.json was missing").contains("\"scenario\" : \"quickstart\"");
    }

    private static String marketBlock(String summary) {
        int start = summary.indexOf("\"market\" : {");
        int end = summary.indexOf("\n  },\n", start);
        return summary.substring(start, end);
    }

    @Test
    void aMissingFolderOrLogIsBadInput() throws IOException {
        assertThat(badInput(mercato("report", dir.resolve("nope").toString())))
                .isEqualTo("error: " + dir.resolve("nope") + ": no such run folder");
        Files.createDirectories(dir.resolve("empty"));
        assertThat(badInput(mercato("report", dir.resolve("empty").toString())))
                .isEqualTo("error: " + dir.resolve("empty").resolve("events.jsonl") + ": no such file");
    }

    @Test
    void aBadLineIsBadInputWithItsNumber() throws IOException {
        Path folder = runWithPagesAndReveal();
        Path events = folder.resolve("events.jsonl");
        List<String> lines = Files.readAllLines(events);
        lines.set(4, lines.get(4).replace("\"seq\":", "\"sequence\":"));
        Files.write(events, lines);
        byte[] summary = Files.readAllBytes(folder.resolve("summary.json"));

        assertThat(badInput(mercato("report", folder.toString())))
                .isEqualTo("error: " + events + ":5: missing field 'seq'");
        assertThat(Files.readAllBytes(folder.resolve("summary.json"))).isEqualTo(summary);
    }

    @Test
    void anUnreadableSummaryIsBadInputAndLeftAlone() throws IOException {
        Path folder = runWithPagesAndReveal();
        Files.writeString(folder.resolve("summary.json"), "{\"scenario\": ");

        assertThat(badInput(mercato("report", folder.toString())))
                .startsWith("error: " + folder.resolve("summary.json") + ": not JSON");
        assertThat(Files.readString(folder.resolve("summary.json"))).isEqualTo("{\"scenario\": ");
    }
}

package org.mercato.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mercato.scenarios.cli.MercatoCliTest.badInput;
import static org.mercato.scenarios.cli.MercatoCliTest.mercato;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    @Test
    void reportBringsBackTheReportTheCsvFilesAndTheDatabaseWithTheSameContent() throws Exception {
        Path folder = runWithPagesAndReveal("output.csv=true", "output.duckdb=true");
        byte[] report = Files.readAllBytes(folder.resolve("report.html"));
        byte[] summary = Files.readAllBytes(folder.resolve("summary.json"));
        Map<String, byte[]> csv = contents(folder.resolve("csv"));
        Map<String, Long> rows = rowCounts(folder.resolve("results.duckdb"));
        assertThat(csv).containsKeys("impressions.csv", "payments.csv");
        assertThat(rows).containsKeys("impressions", "payments", "metrics");

        Files.delete(folder.resolve("report.html"));
        Files.delete(folder.resolve("results.duckdb"));
        try (Stream<Path> files = Files.walk(folder.resolve("csv"))) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        var result = mercato("report", folder.toString());

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("wrote summary.json, report.html, results.duckdb, csv in " + folder);
        assertThat(Files.readAllBytes(folder.resolve("report.html"))).isEqualTo(report);
        assertThat(Files.readAllBytes(folder.resolve("summary.json"))).isEqualTo(summary);
        Map<String, byte[]> again = contents(folder.resolve("csv"));
        assertThat(again.keySet()).isEqualTo(csv.keySet());
        csv.forEach((name, bytes) -> assertThat(again.get(name)).as(name).isEqualTo(bytes));
        assertThat(rowCounts(folder.resolve("results.duckdb"))).isEqualTo(rows);
        assertThat(folder.resolve("parquet")).as("the run asked for no Parquet").doesNotExist();
    }

    private static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                out.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    private static Map<String, Long> rowCounts(Path database) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath());
                Statement sql = c.createStatement()) {
            List<String> tables = new java.util.ArrayList<>();
            try (ResultSet rs = sql.executeQuery("SELECT table_name FROM information_schema.tables")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = sql.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                    rs.next();
                    out.put(table, rs.getLong(1));
                }
            }
        }
        return out;
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
                .isEqualTo("error: " + events + ":5: missing field 'seq' (summary.json left as it was)");
        assertThat(Files.readAllBytes(folder.resolve("summary.json"))).isEqualTo(summary);
    }

    @Test
    void anEmptyLogIsRefusedAndTheGoodSummaryKeptByteForByte() throws IOException {
        Path folder = runWithPagesAndReveal();
        Path events = folder.resolve("events.jsonl");
        byte[] summary = Files.readAllBytes(folder.resolve("summary.json"));
        Files.write(events, new byte[0]);

        assertThat(badInput(mercato("report", folder.toString())))
                .isEqualTo("error: " + events + ": empty: no events (summary.json left as it was)");
        assertThat(Files.readAllBytes(folder.resolve("summary.json"))).isEqualTo(summary);
    }

    /** A summary that cannot be written is a failure (1) in one line, with no temporary left behind. */
    @Test
    void aSummaryThatCannotBeWrittenIsOneLineAndLeavesNoTemporary() throws IOException {
        Path folder = runWithPagesAndReveal();
        Files.delete(folder.resolve("summary.json"));
        Files.createDirectories(folder.resolve("summary.json").resolve("in-the-way"));

        var result = mercato("report", folder.toString());

        assertThat(result.code()).as(result.err()).isEqualTo(1);
        assertThat(result.errLines())
                .containsExactly("error: cannot write " + folder.resolve("summary.json") + ": Is a directory");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains(".tmp"));
        }
    }

    @Test
    void anInconsistentLogIsRefusedWithTheLineOfTheOffendingEvent() throws IOException {
        Path original = runWithPagesAndReveal();
        List<String> lines = Files.readAllLines(original.resolve("events.jsonl"));
        int payment = indexOf(lines, "\"type\":\"payment\"");
        int search = indexOf(lines, "\"type\":\"search\"");
        int later = search + 1;
        while (timeOf(lines.get(later)) == timeOf(lines.get(search))) {
            later++;
        }

        assertRefused(
                original,
                "unknown-proposal",
                lines,
                payment,
                lines.get(payment).replaceFirst("\"proposal\":\"[^\"]*\"", "\"proposal\":\"nobody-proposed-this\""),
                "payment of unknown proposal 'nobody-proposed-this'");
        assertRefused(
                original,
                "negative-time",
                lines,
                4,
                lines.get(4).replaceFirst("\"t\":0,", "\"t\":-5,"),
                "negative time t=-5");
        assertRefused(
                original,
                "duplicate-customer",
                lines,
                1,
                lines.get(1).replaceFirst("\"id\":\"[^\"]*\"", "\"id\":\"" + idOf(lines.get(0)) + "\""),
                "duplicate customer '" + idOf(lines.get(0)) + "' (first on line 1)");
        // a search moved after the first later event (keeping its t and seq): time goes back there
        List<String> swapped = new java.util.ArrayList<>(lines);
        String moved = swapped.remove(search);
        swapped.add(later, moved);
        assertRefused(
                original, "out-of-order", swapped, later, moved, "out of time order: t=" + timeOf(moved) + " after t=");
    }

    private void assertRefused(Path original, String name, List<String> lines, int index, String line, String problem)
            throws IOException {
        Path folder = Files.createDirectories(dir.resolve("spoiled").resolve(name));
        for (String file : List.of("summary.json", "scenario.resolved.yaml")) {
            Files.copy(original.resolve(file), folder.resolve(file));
        }
        List<String> changed = new java.util.ArrayList<>(lines);
        changed.set(index, line);
        Path events = folder.resolve("events.jsonl");
        Files.write(events, changed);

        assertThat(badInput(mercato("report", folder.toString())))
                .startsWith("error: " + events + ":" + (index + 1) + ": " + problem)
                .endsWith("(summary.json left as it was)");
        assertThat(Files.readAllBytes(folder.resolve("summary.json")))
                .isEqualTo(Files.readAllBytes(original.resolve("summary.json")));
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + text);
    }

    private static long timeOf(String line) {
        return Long.parseLong(line.replaceFirst("^\\{\"t\":(-?\\d+),.*", "$1"));
    }

    private static String idOf(String line) {
        return line.replaceFirst(".*\"id\":\"([^\"]*)\".*", "$1");
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

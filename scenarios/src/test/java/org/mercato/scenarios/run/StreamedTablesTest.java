package org.mercato.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;
import org.mercato.metrics.output.DuckDbResults;
import org.mercato.metrics.output.RunCatalog;
import org.mercato.scenarios.Mercato;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.model.Scenario;

/**
 * The tables a run streams while its market runs are the tables {@link DuckDbResults#write}
 * rebuilds from its saved events.jsonl (one writer, one code path), and they do not depend on the
 * number of threads.
 */
class StreamedTablesTest {
    @Test
    void replayingTheSavedLogGivesTheStreamedTablesByteForByte(@TempDir Path dir) throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of("quickstart.yaml"), List.of("market.generate.customers=60"));
        RunResult run = Mercato.writingTo(dir.resolve("runs")).run(scenario);
        Path replay = Files.createDirectories(dir.resolve("replay"));
        RunCatalog catalog = RunCatalogs.of(
                scenario,
                WiredRun.setup(scenario, RunEnvironment.of(PolicyRegistry.withPlugins()))
                        .catalog());

        DuckDbResults.write(
                replay, run.eventLog(), Files.readString(run.folder().resolve("summary.json")), catalog, true, false);

        assertThat(csvFiles(replay)).isEqualTo(csvFiles(run.folder())).containsKeys("customers.csv", "services.csv");
        for (String table : DuckDbResults.tables()) {
            assertThat(rows(replay, table)).as(table).isEqualTo(rows(run.folder(), table));
        }
        assertThat(rows(run.folder(), "customers")).hasSize(60);
        try (Connection c = DriverManager.getConnection(
                        "jdbc:duckdb:" + run.folder().resolve("results.duckdb"));
                Statement sql = c.createStatement();
                ResultSet r = sql.executeQuery(
                        "SELECT count(*) FROM customers WHERE name IS NULL OR policy IS NULL OR \"group\" IS NULL")) {
            r.next();
            assertThat(r.getLong(1))
                    .as("customers without their catalog columns")
                    .isZero();
        }
    }

    @Test
    void theSameScenarioAndSeedGiveTheSameCsvBytesAtParallelismOneAndFour(@TempDir Path dir) throws Exception {
        Map<String, String> one = csvFiles(runAt(dir.resolve("one"), 1));
        Map<String, String> four = csvFiles(runAt(dir.resolve("four"), 4));
        assertThat(four).isEqualTo(one).containsKeys("payments.csv", "messages.csv", "metrics.csv");
    }

    private static Path runAt(Path runs, int parallelism) throws Exception {
        Scenario scenario = ScenarioLoader.load(
                Path.of("quickstart.yaml"),
                List.of("market.generate.customers=60", "kernel.parallelism=" + parallelism));
        return Mercato.writingTo(runs).run(scenario).folder();
    }

    /** File name to content; metrics.csv without the wall-clock numbers that differ from run to run. */
    private static Map<String, String> csvFiles(Path folder) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder.resolve("csv"))) {
            for (Path file : list.toList()) {
                String text = Files.readString(file);
                if (file.getFileName().toString().equals("metrics.csv")) {
                    text = String.join(
                            "\n", text.lines().filter(line -> !unstable(line)).toList());
                }
                files.put(file.getFileName().toString(), text);
            }
        }
        return files;
    }

    /** Metrics that say how the run was made, not what happened: wall time, threads, the override. */
    private static boolean unstable(String line) {
        return line.startsWith("wallTimeMillis,") || line.contains("parallelism") || line.startsWith("condition.");
    }

    private static List<List<String>> rows(Path folder, String table) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + folder.resolve("results.duckdb"));
                Statement sql = c.createStatement();
                ResultSet r = sql.executeQuery("SELECT * FROM " + table)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(r.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}

package org.mercato.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.metrics.output.DuckDbResults;
import org.mercato.scenarios.Mercato;
import org.mercato.scenarios.load.ScenarioLoader;

/** Each run writes results.duckdb whose tables agree with the event log and the summary. */
class DuckDbResultsTest {
    @Test
    void theDatabaseHoldsEveryEventAndTheSummaryNumbers(@TempDir Path runs) throws Exception {
        var scenario = ScenarioLoader.load(Path.of("quickstart.yaml"), List.of("output.parquet=true"));
        RunResult result = Mercato.writingTo(runs).run(scenario);
        Path db = result.folder().resolve("results.duckdb");
        assertThat(db).exists();
        try (var files = Files.list(result.folder())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains(".tmp"));
        }
        assertThat(result.folder().resolve("parquet/payments.parquet")).exists();
        List<String> csv = Files.readAllLines(result.folder().resolve("csv/payments.csv"));
        assertThat(csv.get(0)).isEqualTo("t,seq,proposal,customer,service,amount");
        assertThat(csv).hasSize(1 + (int) result.summary().market().payments().count());
        assertThat(result.folder().resolve("csv/proposals.csv")).exists();
        assertThat(result.folder().resolve("csv/events.csv")).doesNotExist();

        long lines = Files.readAllLines(result.eventLog()).size();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
                Statement sql = c.createStatement()) {
            assertThat(single(sql, "SELECT count(*) FROM events")).isEqualTo(lines);
            assertThat(single(sql, "SELECT count(*) FROM payments"))
                    .isEqualTo(result.summary().market().payments().count());
            try (ResultSet r = sql.executeQuery("SELECT sum(amount) FROM payments")) {
                r.next();
                assertThat(r.getBigDecimal(1))
                        .isEqualByComparingTo(
                                result.summary().market().payments().amount());
            }
            try (ResultSet r = sql.executeQuery("SELECT value FROM metrics WHERE metric = 'market.welfare.total'")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getDouble(1))
                        .isEqualTo(result.summary().market().welfare().total().doubleValue());
            }
            try (ResultSet r = sql.executeQuery(
                    "SELECT count(*) FROM read_parquet('" + result.folder().resolve("parquet/events.parquet") + "')")) {
                r.next();
                assertThat(r.getLong(1)).isEqualTo(lines);
            }
        }
    }

    @Test
    void duckdbCanBeTurnedOff(@TempDir Path runs) throws Exception {
        var scenario = ScenarioLoader.load(Path.of("speed-vs-satisficer.yaml"), List.of("output.duckdb=false"));
        RunResult result = Mercato.writingTo(runs).run(scenario);
        assertThat(result.folder().resolve("results.duckdb")).doesNotExist();
    }

    /**
     * A write that fails half-way (here: the summary is not JSON, found after the events table is
     * written) deletes its database, write-ahead log and csv/parquet folders, says so in one line, and
     * leaves the database an earlier write put in place untouched.
     */
    @Test
    void aFailedWriteLeavesNoTemporariesAndTheEarlierDatabaseAsItWas(@TempDir Path folder) throws Exception {
        Path events = folder.resolve("events.jsonl");
        Files.writeString(
                events,
                "{\"t\":0,\"seq\":0,\"type\":\"wake\",\"agent\":\"a\"}\n"
                        + "{\"t\":5,\"seq\":1,\"type\":\"done\",\"agent\":\"a\",\"reason\":\"paid\"}\n");
        Path db = DuckDbResults.write(folder, events, "{\"market\": {\"events\": 2}}", true, true);
        byte[] good = Files.readAllBytes(db);
        List<String> before = names(folder);

        assertThatThrownBy(() -> DuckDbResults.write(folder, events, "{\"market\": ", true, true))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageStartingWith("cannot write " + db + ": ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "Stack Trace"));

        assertThat(names(folder)).isEqualTo(before).contains("csv", "parquet", "results.duckdb");
        assertThat(Files.readAllBytes(db)).isEqualTo(good);
    }

    private static List<String> names(Path folder) throws java.io.IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static long single(Statement sql, String query) throws Exception {
        try (ResultSet r = sql.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        }
    }
}

package org.mercato.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        assertThat(result.folder().resolve("results.duckdb.tmp")).doesNotExist();
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

    private static long single(Statement sql, String query) throws Exception {
        try (ResultSet r = sql.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        }
    }
}

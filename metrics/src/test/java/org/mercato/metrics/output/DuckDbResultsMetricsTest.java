package org.mercato.metrics.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** results.duckdb's metrics table and csv/metrics.csv carry the flattened names, arrays included. */
class DuckDbResultsMetricsTest {
    @Test
    void theMetricsTableAndCsvHoldTheArraysByName(@TempDir Path folder) throws Exception {
        Path events = Files.writeString(
                folder.resolve("events.jsonl"), "{\"t\":0,\"seq\":0,\"type\":\"wake\",\"agent\":\"a\"}\n");
        String summary = """
                {"market": {"welfare": {"total": 12.5},
                  "firstProposal": {"byPosition": [{"position": 1, "customers": 4, "rate": 0.75}]},
                  "position": {"byTag": [{"tag": "sponsored", "share": 0.1}]}}}
                """;

        Path db = DuckDbResults.write(folder, events, summary, true, false);

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
                Statement sql = c.createStatement();
                ResultSet r = sql.executeQuery(
                        "SELECT value FROM metrics WHERE metric =" + " 'market.firstProposal.byPosition.1.rate'")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getDouble(1)).isEqualTo(0.75);
        }
        assertThat(Files.readAllLines(folder.resolve("csv/metrics.csv")))
                .contains(
                        "market.firstProposal.byPosition.1.rate,0.75",
                        "market.position.byTag.sponsored.share,0.1",
                        "market.welfare.total,12.5");
    }
}

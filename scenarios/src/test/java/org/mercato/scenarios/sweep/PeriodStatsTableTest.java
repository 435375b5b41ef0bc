package org.mercato.scenarios.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cell's per-period series go to {@code period_stats}, one row per period with a column per
 * series (and stay in {@code metrics}); rows follow cell order, survive a merge of shards, and are
 * exported when there are any.
 */
class PeriodStatsTableTest {
    private static Cell cell(int index) {
        return new Cell(index, "cell" + index, Map.of("k", IntNode.valueOf(index)), 0, 7, null, List.of());
    }

    private static CellResult result(String id, double welfare) {
        return new CellResult(
                id,
                CellResult.OK,
                Map.of(
                        "market.welfare.total", 10.0,
                        "periods.0.start", 0.0,
                        "periods.0.end", 86_400_000_000.0,
                        "periods.0.welfare", welfare,
                        "periods.0.meanRatingByQuality.q<0.5", 3.5,
                        "periods.1.start", 86_400_000_000.0,
                        "periods.1.efficiency", 0.25,
                        "periods.1.shareByQuality.q>=0.9", 0.75),
                0,
                1,
                null,
                "local",
                null);
    }

    @Test
    void periodsAreRowsOfTheirOwnTableInCellOrder(@TempDir Path dir) throws Exception {
        try (SweepStore store = SweepStore.open(dir.resolve("sweep.duckdb"))) {
            store.record(cell(1), result("cell1", 2.5));
            store.record(cell(0), result("cell0", 1.5));
            store.record(cell(0), result("cell0", 1.25));
            store.sortInCellOrder();

            assertThat(store.metrics().get("cell0"))
                    .as("the long form keeps them too")
                    .containsEntry("periods.0.welfare", 1.25)
                    .containsEntry("market.welfare.total", 10.0);
            assertThat(rows(
                            store,
                            "SELECT cell_id, period, start_us, end_us, welfare, efficiency,"
                                    + " rating_q_lt_0_5, share_q_ge_0_9 FROM period_stats"))
                    .containsExactly(
                            "cell0,0,0,86400000000,1.25,null,3.5,null",
                            "cell0,1,86400000000,null,null,0.25,null,0.75",
                            "cell1,0,0,86400000000,2.5,null,3.5,null",
                            "cell1,1,86400000000,null,null,0.25,null,0.75");

            store.export(PeriodStatsTable.NAME, dir.resolve("export"));
        }
        assertThat(Files.readAllLines(dir.resolve("export/period_stats.csv")).get(0))
                .startsWith("cell_id,period,start_us,end_us,arrivals,visits,served,payments,welfare,optimum");
    }

    @Test
    void aMergeTakesTheShardsPeriods(@TempDir Path dir) throws Exception {
        Path shard = dir.resolve("shard.duckdb");
        try (SweepStore store = SweepStore.open(shard)) {
            store.record(cell(3), result("cell3", 4.0));
        }
        try (SweepStore store = SweepStore.open(dir.resolve("sweep.duckdb"))) {
            assertThat(store.mergeFrom(shard)).isEqualTo(1);
            assertThat(rows(store, "SELECT cell_id, period, welfare FROM period_stats ORDER BY period"))
                    .containsExactly("cell3,0,4.0", "cell3,1,null");
        }
    }

    private static List<String> rows(SweepStore store, String query) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement sql = store.connection().createStatement();
                ResultSet rs = sql.executeQuery(query)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(String.valueOf(rs.getString(i)));
                }
                out.add(String.join(",", row));
            }
        }
        return out;
    }
}

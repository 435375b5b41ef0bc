package org.mercato.scenarios.sweep;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mercato.metrics.estimation.Interval;
import org.mercato.metrics.output.HeadlineMetric;

/**
 * After a sweep: the cells in cell order, the analysis tables in the database ({@code point_stats},
 * {@code level_stats}, {@code paired_differences}) and {@code cells_wide}, every table as CSV and
 * Parquet under {@code <folder>/export/} ({@code period_stats} too, when cells had periods), and
 * {@code <folder>/sweep-report.html}. Factor levels are
 * typed the same everywhere they stand alone: {@code cells.factors} and {@code point_stats.point}
 * hold the same JSON ({@code {"k":1}}), and {@code cells_wide} and {@code point_stats} have the same
 * typed column per factor. Only {@code level_stats.level} and {@code paired_differences.level} and
 * {@code baseline}, one column for the levels of every factor (and bins), hold text.
 */
public final class SweepResults {
    static final List<String> TABLES =
            List.of("cells", "cells_wide", "metrics", "point_stats", "level_stats", "paired_differences");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SweepResults() {}

    /** What {@link #write} wrote: the report's path, and the headline table it opens with. */
    public record Written(Path report, SweepHeadlines headlines) {}

    /**
     * Analyses the cells of {@code store} whose ids are in {@code only} (all cells when null), and
     * writes the tables, exports and report.
     */
    public static Written write(SweepStore store, Path folder, Set<String> only) throws IOException {
        List<SweepStore.StoredCell> cells = new ArrayList<>(store.cells());
        if (only != null) {
            cells.removeIf(c -> !only.contains(c.id()));
        }
        Map<String, String> facts = store.facts();
        List<String> factors = factorKeys(facts, cells);
        SweepAnalysis analysis = SweepAnalysis.of(cells, store.metrics(), factors);
        SweepHeadlines headlines = SweepHeadlines.of(headline(facts), analysis);
        store.sortInCellOrder();
        List<WideCells.Column> columns = WideCells.write(store.connection(), factors);
        Map<String, JsonNode> typed = store.typedFactors();
        Map<Map<String, String>, JsonNode> typedPoints = new HashMap<>();
        for (SweepStore.StoredCell c : cells) {
            typedPoints.putIfAbsent(c.factors(), typed.get(c.id()));
        }
        writeTables(store.connection(), analysis, columns, typedPoints);
        Path export = folder.resolve("export");
        for (String table : TABLES) {
            store.export(table, export);
        }
        if (store.rows(PeriodStatsTable.NAME) > 0) {
            store.export(PeriodStatsTable.NAME, export);
        }
        Path report = folder.resolve("sweep-report.html");
        Path temporary = folder.resolve("sweep-report.html.tmp");
        Files.writeString(
                temporary,
                SweepReport.render(
                        "Mercato sweep " + facts.getOrDefault("name", ""), facts, cells, analysis, headlines),
                StandardCharsets.UTF_8);
        Files.move(temporary, report, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Written(report, headlines);
    }

    /** The base scenario's {@code output.headline}, as the sweep recorded it (none in older sweeps). */
    private static List<HeadlineMetric> headline(Map<String, String> facts) throws IOException {
        String json = facts.get("headline");
        return json == null ? List.of() : JSON.readValue(json, new TypeReference<List<HeadlineMetric>>() {});
    }

    private static List<String> factorKeys(Map<String, String> facts, List<SweepStore.StoredCell> cells)
            throws IOException {
        List<String> keys = new ArrayList<>();
        String json = facts.get("factors");
        if (json != null) {
            JSON.readTree(json).forEach(n -> keys.add(n.asText()));
        }
        for (SweepStore.StoredCell c : cells) {
            for (String k : c.factors().keySet()) {
                if (!keys.contains(k)) {
                    keys.add(k);
                }
            }
        }
        return keys;
    }

    /**
     * {@code point_stats}: the point as the cells' JSON, then one typed column per factor as in
     * {@code cells_wide}, then the statistics.
     */
    private static void writeTables(
            Connection c,
            SweepAnalysis a,
            List<WideCells.Column> columns,
            Map<Map<String, String>, JsonNode> typedPoints) {
        try (Statement sql = c.createStatement()) {
            c.setAutoCommit(false);
            StringBuilder factorColumns = new StringBuilder();
            StringBuilder marks = new StringBuilder();
            for (WideCells.Column column : columns) {
                factorColumns.append(column.definition()).append(", ");
                marks.append("?, ");
            }
            sql.execute("CREATE OR REPLACE TABLE point_stats (point VARCHAR, " + factorColumns
                    + "metric VARCHAR, n INTEGER, mean DOUBLE, lower DOUBLE, upper DOUBLE)");
            sql.execute("CREATE OR REPLACE TABLE level_stats (factor VARCHAR, level VARCHAR, metric VARCHAR,"
                    + " n INTEGER, mean DOUBLE, lower DOUBLE, upper DOUBLE)");
            sql.execute("CREATE OR REPLACE TABLE paired_differences (factor VARCHAR, level VARCHAR,"
                    + " baseline VARCHAR, metric VARCHAR, pairs INTEGER, mean DOUBLE, lower DOUBLE, upper DOUBLE)");
            try (PreparedStatement p =
                    c.prepareStatement("INSERT INTO point_stats VALUES (?, " + marks + "?, ?, ?, ?, ?)")) {
                for (SweepAnalysis.PointStat s : a.points()) {
                    JsonNode point = typedPoints.getOrDefault(s.point(), JSON.valueToTree(s.point()));
                    p.setString(1, point.toString());
                    WideCells.bindLevels(p, 2, columns, point);
                    p.setString(2 + columns.size(), s.metric());
                    bind(p, 3 + columns.size(), s.interval());
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO level_stats VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (SweepAnalysis.LevelStat s : a.levels()) {
                    p.setString(1, s.factor());
                    p.setString(2, s.level());
                    p.setString(3, s.metric());
                    bind(p, 4, s.interval());
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (PreparedStatement p =
                    c.prepareStatement("INSERT INTO paired_differences VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (SweepAnalysis.PairedDiff s : a.pairs()) {
                    p.setString(1, s.factor());
                    p.setString(2, s.level());
                    p.setString(3, s.baseline());
                    p.setString(4, s.metric());
                    bind(p, 5, s.interval());
                    p.addBatch();
                }
                p.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the analysis tables: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement p, int at, Interval i) throws SQLException {
        p.setInt(at, i.n());
        p.setDouble(at + 1, i.mean());
        if (i.lower() == null) {
            p.setNull(at + 2, java.sql.Types.DOUBLE);
            p.setNull(at + 3, java.sql.Types.DOUBLE);
        } else {
            p.setDouble(at + 2, i.lower());
            p.setDouble(at + 3, i.upper());
        }
    }
}

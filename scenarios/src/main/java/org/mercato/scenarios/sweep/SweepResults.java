package org.mercato.scenarios.sweep;

import com.fasterxml.jackson.core.type.TypeReference;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mercato.metrics.output.HeadlineMetric;

/**
 * After a sweep: the analysis tables in the database ({@code point_stats}, {@code level_stats},
 * {@code paired_differences}), every table as CSV and Parquet under {@code <folder>/export/}, and
 * {@code <folder>/sweep-report.html}.
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
        writeTables(store.connection(), analysis);
        WideCells.write(store.connection(), factors);
        Path export = folder.resolve("export");
        for (String table : TABLES) {
            store.export(table, export);
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

    private static void writeTables(Connection c, SweepAnalysis a) {
        try (Statement sql = c.createStatement()) {
            c.setAutoCommit(false);
            sql.execute("CREATE OR REPLACE TABLE point_stats (point VARCHAR, metric VARCHAR, n INTEGER,"
                    + " mean DOUBLE, lower DOUBLE, upper DOUBLE)");
            sql.execute("CREATE OR REPLACE TABLE level_stats (factor VARCHAR, level VARCHAR, metric VARCHAR,"
                    + " n INTEGER, mean DOUBLE, lower DOUBLE, upper DOUBLE)");
            sql.execute("CREATE OR REPLACE TABLE paired_differences (factor VARCHAR, level VARCHAR,"
                    + " baseline VARCHAR, metric VARCHAR, pairs INTEGER, mean DOUBLE, lower DOUBLE, upper DOUBLE)");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO point_stats VALUES (?, ?, ?, ?, ?, ?)")) {
                for (SweepAnalysis.PointStat s : a.points()) {
                    p.setString(1, JSON.valueToTree(s.point()).toString());
                    p.setString(2, s.metric());
                    bind(p, 3, s.interval());
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

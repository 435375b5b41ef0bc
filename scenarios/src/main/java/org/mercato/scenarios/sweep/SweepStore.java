package org.mercato.scenarios.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.mercato.scenarios.load.Excerpt;
import org.mercato.scenarios.load.ScenarioException;

/**
 * A sweep's DuckDB file. {@code sweep}: key/value facts (name, design, factor keys, code version,
 * the headline metrics as JSON).
 * {@code cells}: one row per cell id (index, factors as JSON, replicate, seed, status, start time,
 * wall time, error, worker, LLM cost). {@code metrics}: long format (cell id, metric, value); the
 * per-period series of a market with dynamics also as {@code period_stats} (cell id, period, a column
 * per series, {@link PeriodStatsTable}). Each
 * finished cell is one transaction, so a crash loses at most the cell being written; a rerun of a
 * cell replaces its rows. Rows arrive in completion order; {@link #sortInCellOrder} puts them in the
 * design's order at the end. Only one thread may write: the {@link StoreWriter}.
 */
public final class SweepStore implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The columns {@link #mergeFrom} relies on, by table. */
    private static final Map<String, List<String>> MERGED_COLUMNS = Map.of(
            "sweep", List.of("key", "value"),
            "cells", List.of("id", "status"),
            "metrics", List.of("cell_id", "metric", "value"));

    private final Path file;
    private final Connection connection;

    private SweepStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    public static SweepStore open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
            try (Statement sql = c.createStatement()) {
                sql.execute("CREATE TABLE IF NOT EXISTS sweep (key VARCHAR, value VARCHAR)");
                sql.execute("CREATE TABLE IF NOT EXISTS cells (id VARCHAR, idx INTEGER, factors VARCHAR,"
                        + " replicate INTEGER, seed BIGINT, status VARCHAR, started TIMESTAMP, wall_ms BIGINT,"
                        + " error VARCHAR, worker VARCHAR, cost DOUBLE)");
                sql.execute("CREATE TABLE IF NOT EXISTS metrics (cell_id VARCHAR, metric VARCHAR, value DOUBLE)");
                sql.execute(PeriodStatsTable.createSql());
            }
            return new SweepStore(file, c);
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("not a valid DuckDB database")) {
                throw new ScenarioException(
                        file.toString(), "exists but is not a DuckDB database; move it away or choose another folder");
            }
            throw new IllegalStateException("cannot open the sweep database " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the sweep database " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks, reading only, that {@code file} is a sweep database that {@link #mergeFrom} can take:
     * a DuckDB file with this version's {@code sweep}, {@code cells} and {@code metrics} tables.
     * Anything else is bad input (a {@link ScenarioException} naming the file), found before the
     * merged database is touched.
     */
    public static void checkMergeable(Path file) {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        Map<String, List<String>> columns = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), readOnly);
                Statement sql = c.createStatement();
                ResultSet rs = sql.executeQuery("SELECT table_name, column_name FROM information_schema.columns"
                        + " WHERE table_schema = 'main' ORDER BY table_name, ordinal_position")) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
            }
        } catch (SQLException e) {
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new ScenarioException(
                    file.toString(),
                    why.contains("not a valid DuckDB database")
                            ? "is not a sweep database (not a DuckDB file); give the .duckdb files 'mercato sweep' wrote"
                            : "cannot be read as a sweep database: " + Excerpt.of(why, 200));
        }
        for (Map.Entry<String, List<String>> table : new TreeMap<>(MERGED_COLUMNS).entrySet()) {
            List<String> found = columns.get(table.getKey());
            if (found == null || !found.containsAll(table.getValue())) {
                throw new ScenarioException(
                        file.toString(),
                        "is not a sweep database (it has no '" + table.getKey() + "' table with columns "
                                + String.join(", ", table.getValue())
                                + "); give the .duckdb files 'mercato sweep' wrote");
            }
        }
    }

    public Path file() {
        return file;
    }

    /** Records the sweep's facts, replacing earlier values of the same keys. */
    public void describe(SweepPlan plan) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("name", plan.spec().name());
        facts.put("design", plan.spec().config().design());
        facts.put(
                "factors",
                JSON.valueToTree(List.copyOf(plan.spec().config().factors().keySet()))
                        .toString());
        facts.put("replicates", String.valueOf(plan.spec().config().replicates()));
        facts.put("code_version", plan.codeVersion());
        facts.put("base_scenario", plan.spec().baseFile().toString());
        facts.put("overrides", JSON.valueToTree(plan.spec().overrides()).toString());
        facts.put("headline", JSON.valueToTree(plan.spec().headline()).toString());
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sweep WHERE key = ?");
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO sweep VALUES (?, ?)")) {
                for (var fact : facts.entrySet()) {
                    delete.setString(1, fact.getKey());
                    delete.executeUpdate();
                    insert.setString(1, fact.getKey());
                    insert.setString(2, fact.getValue());
                    insert.executeUpdate();
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw failure("record the sweep", e);
        }
    }

    /** The sweep's facts. */
    public Map<String, String> facts() {
        Map<String, String> facts = new TreeMap<>();
        try (Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("SELECT key, value FROM sweep")) {
            while (rs.next()) {
                facts.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw failure("read the sweep", e);
        }
        return facts;
    }

    /** Status by cell id of every cell recorded so far. */
    public Map<String, String> statuses() {
        Map<String, String> out = new TreeMap<>();
        try (Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("SELECT id, status FROM cells")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw failure("read cells", e);
        }
        return out;
    }

    /** Stores a finished cell and its metrics in one transaction, replacing an earlier attempt. */
    public void record(Cell cell, CellResult result) {
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement deleteCell = connection.prepareStatement("DELETE FROM cells WHERE id = ?");
                    PreparedStatement deleteMetrics =
                            connection.prepareStatement("DELETE FROM metrics WHERE cell_id = ?");
                    PreparedStatement insert =
                            connection.prepareStatement("INSERT INTO cells VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement metric = connection.prepareStatement("INSERT INTO metrics VALUES (?, ?, ?)");
                    PreparedStatement deletePeriods =
                            connection.prepareStatement("DELETE FROM period_stats WHERE cell_id = ?");
                    PreparedStatement period = connection.prepareStatement(PeriodStatsTable.insertSql())) {
                deleteCell.setString(1, cell.id());
                deleteCell.executeUpdate();
                deleteMetrics.setString(1, cell.id());
                deleteMetrics.executeUpdate();
                deletePeriods.setString(1, cell.id());
                deletePeriods.executeUpdate();
                insert.setString(1, cell.id());
                insert.setInt(2, cell.index());
                insert.setString(3, cell.factorsJson());
                insert.setInt(4, cell.replicate());
                insert.setLong(5, cell.seed());
                insert.setString(6, result.status());
                insert.setTimestamp(7, new Timestamp(result.startedMillis()));
                insert.setLong(8, result.wallMillis());
                insert.setString(9, result.error());
                insert.setString(10, result.worker());
                if (result.cost() == null) {
                    insert.setNull(11, java.sql.Types.DOUBLE);
                } else {
                    insert.setDouble(11, result.cost());
                }
                insert.executeUpdate();
                for (var m : result.metrics().entrySet()) {
                    metric.setString(1, cell.id());
                    metric.setString(2, m.getKey());
                    metric.setDouble(3, m.getValue());
                    metric.addBatch();
                }
                metric.executeBatch();
                Map<Integer, Map<String, Double>> periods = PeriodStatsTable.byPeriod(result.metrics());
                for (var row : periods.entrySet()) {
                    period.setString(1, cell.id());
                    period.setInt(2, row.getKey());
                    int column = 3;
                    for (var series : PeriodStatsTable.COLUMNS.entrySet()) {
                        Double value = row.getValue().get(series.getKey());
                        if (value == null) {
                            period.setObject(column++, null);
                        } else if (series.getValue().endsWith("_us")) {
                            period.setLong(column++, value.longValue());
                        } else {
                            period.setDouble(column++, value);
                        }
                    }
                    period.addBatch();
                }
                if (!periods.isEmpty()) {
                    period.executeBatch();
                }
            }
            connection.commit();
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the original error matters
            }
            throw failure("record cell " + cell.id(), e);
        }
    }

    /** A stored cell, its levels by factor key as text. */
    public record StoredCell(
            String id,
            int index,
            Map<String, String> factors,
            int replicate,
            long seed,
            String status,
            long wallMillis,
            String error,
            String worker,
            Double cost) {
        public boolean ok() {
            return CellResult.OK.equals(status);
        }
    }

    /** Every stored cell, by index then id. */
    public List<StoredCell> cells() {
        List<StoredCell> out = new ArrayList<>();
        try (Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("SELECT id, idx, factors, replicate, seed, status, wall_ms, error,"
                        + " worker, cost FROM cells ORDER BY idx, id")) {
            while (rs.next()) {
                double cost = rs.getDouble(10);
                out.add(new StoredCell(
                        rs.getString(1),
                        rs.getInt(2),
                        levels(rs.getString(3)),
                        rs.getInt(4),
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getLong(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.wasNull() ? null : cost));
            }
        } catch (SQLException e) {
            throw failure("read cells", e);
        }
        return out;
    }

    /** Metrics by cell id, then by metric. */
    public Map<String, Map<String, Double>> metrics() {
        Map<String, Map<String, Double>> out = new TreeMap<>();
        try (Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("SELECT cell_id, metric, value FROM metrics")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getDouble(3));
            }
        } catch (SQLException e) {
            throw failure("read metrics", e);
        }
        return out;
    }

    /** How many rows {@code cells} holds, and how many distinct ids. */
    public long[] cellRowsAndIds() {
        try (Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("SELECT count(*), count(DISTINCT id) FROM cells")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        } catch (SQLException e) {
            throw failure("count cells", e);
        }
    }

    /**
     * Each cell's factor levels as stored, typed as the sweep file gave them ({@code {"k":1}}), by
     * cell id.
     */
    public Map<String, JsonNode> typedFactors() {
        Map<String, JsonNode> out = new TreeMap<>();
        try (Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("SELECT id, factors FROM cells")) {
            while (rs.next()) {
                out.put(rs.getString(1), JSON.readTree(rs.getString(2)));
            }
        } catch (SQLException e) {
            throw failure("read cells", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Rewrites {@code cells} in cell order (index, then id) and {@code metrics} in the same order of
     * cells, each cell's metrics by name: cells finish in any order, but readers of the file and of
     * its exports see the design's order whatever the thread count.
     */
    public void sortInCellOrder() {
        try (Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("CREATE TEMP TABLE sorted_cells AS SELECT * FROM cells ORDER BY idx, id");
            sql.execute("CREATE TEMP TABLE sorted_metrics AS SELECT m.* FROM metrics m"
                    + " LEFT JOIN cells c ON c.id = m.cell_id ORDER BY c.idx NULLS LAST, m.cell_id, m.metric");
            sql.execute("CREATE TEMP TABLE sorted_periods AS SELECT p.* FROM period_stats p"
                    + " LEFT JOIN cells c ON c.id = p.cell_id ORDER BY c.idx NULLS LAST, p.cell_id, p.period");
            sql.execute("DELETE FROM cells");
            sql.execute("DELETE FROM metrics");
            sql.execute("DELETE FROM period_stats");
            sql.execute("INSERT INTO cells SELECT * FROM sorted_cells");
            sql.execute("INSERT INTO metrics SELECT * FROM sorted_metrics");
            sql.execute("INSERT INTO period_stats SELECT * FROM sorted_periods");
            sql.execute("DROP TABLE sorted_cells");
            sql.execute("DROP TABLE sorted_metrics");
            sql.execute("DROP TABLE sorted_periods");
            connection.commit();
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the original error matters
            }
            throw failure("sort the cells", e);
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the connection is closing anyway
            }
        }
    }

    /** Runs statements in one transaction (the analysis tables). */
    public Connection connection() {
        return connection;
    }

    /**
     * Adds every cell of {@code other} this file lacks, or holds only as failed, with its metrics;
     * facts missing here are copied. Returns the number of cells taken.
     */
    public int mergeFrom(Path other) {
        try (Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("ATTACH " + literal(other) + " AS other (READ_ONLY)");
            try {
                sql.execute("CREATE TEMP TABLE taken AS SELECT o.id FROM other.cells o"
                        + " LEFT JOIN cells c ON c.id = o.id"
                        + " WHERE c.id IS NULL OR (c.status <> 'ok' AND o.status = 'ok')");
                sql.execute("DELETE FROM cells WHERE id IN (SELECT id FROM taken)");
                sql.execute("DELETE FROM metrics WHERE cell_id IN (SELECT id FROM taken)");
                sql.execute("INSERT INTO cells SELECT * FROM other.cells WHERE id IN (SELECT id FROM taken)");
                sql.execute("INSERT INTO metrics SELECT * FROM other.metrics WHERE cell_id IN (SELECT id FROM taken)");
                sql.execute("DELETE FROM period_stats WHERE cell_id IN (SELECT id FROM taken)");
                if (hasTable(sql, "other", PeriodStatsTable.NAME)) {
                    sql.execute("INSERT INTO period_stats SELECT * FROM other.period_stats"
                            + " WHERE cell_id IN (SELECT id FROM taken)");
                }
                sql.execute("INSERT INTO sweep SELECT * FROM other.sweep WHERE key NOT IN (SELECT key FROM sweep)");
                int taken;
                try (ResultSet rs = sql.executeQuery("SELECT count(*) FROM taken")) {
                    rs.next();
                    taken = rs.getInt(1);
                }
                sql.execute("DROP TABLE taken");
                connection.commit();
                return taken;
            } finally {
                connection.setAutoCommit(true);
                sql.execute("DETACH other");
            }
        } catch (SQLException e) {
            throw failure("merge " + other, e);
        }
    }

    /** Whether the attached database {@code catalog} has {@code table} (sweeps before period_stats lack it). */
    private static boolean hasTable(Statement sql, String catalog, String table) throws SQLException {
        try (ResultSet rs = sql.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_catalog = '"
                + catalog + "' AND table_name = '" + table + "'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    /** How many rows {@code table} holds. */
    public long rows(String table) {
        try (Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw failure("count " + table, e);
        }
    }

    /**
     * Writes {@code table} to {@code <dir>/<table>.csv} and {@code .parquet} with DuckDB's COPY,
     * each under a temporary name first, rows in the table's order (DuckDB keeps insertion order).
     */
    public void export(String table, Path dir) {
        try (Statement sql = connection.createStatement()) {
            Files.createDirectories(dir);
            Path csv = dir.resolve(table + ".csv");
            Path parquet = dir.resolve(table + ".parquet");
            Path csvTemp = dir.resolve(table + ".csv.tmp");
            Path parquetTemp = dir.resolve(table + ".parquet.tmp");
            sql.execute("COPY " + table + " TO " + literal(csvTemp) + " (HEADER, DELIMITER ',')");
            sql.execute("COPY " + table + " TO " + literal(parquetTemp) + " (FORMAT PARQUET)");
            Files.move(csvTemp, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(parquetTemp, parquet, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException e) {
            throw failure("export " + table, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> levels(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            JsonNode node = JSON.readTree(json);
            node.fields().forEachRemaining(f -> out.put(f.getKey(), levelText(f.getValue())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A level as people write it: text without quotes, anything else as JSON. */
    public static String levelText(JsonNode level) {
        return level.isTextual() ? level.asText() : level.toString();
    }

    static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    private IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("cannot " + what + " in " + file + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }
}

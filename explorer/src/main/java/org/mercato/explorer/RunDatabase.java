package org.mercato.explorer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run's tables: an in-memory DuckDB database that attaches the run's {@code results.duckdb}
 * read-only as {@code r} (the run folder is never written) and holds the explorer's own tables
 * ({@link CustomerTable}). One connection, used by one query at a time.
 */
final class RunDatabase implements AutoCloseable {
    private final Connection connection;

    private RunDatabase(Connection connection) {
        this.connection = connection;
    }

    static RunDatabase open(Path results) {
        return connect(
                List.of("ATTACH " + literal(results.toString()) + " AS r (READ_ONLY)"),
                results + ": cannot open the run's tables");
    }

    /** A run folder without results.duckdb: its tables rebuilt in memory from {@code events.jsonl} ({@link EventLogTables}). */
    static RunDatabase fromEventLog(Path events) {
        List<String> statements = new ArrayList<>(List.of("ATTACH ':memory:' AS r"));
        statements.addAll(EventLogTables.statements(events));
        return connect(statements, events + ": cannot read the event log");
    }

    /** A new in-memory database after {@code statements}, or an {@link ExplorerException} starting with {@code failure}. */
    private static RunDatabase connect(List<String> statements, String failure) {
        try {
            Connection connection = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement sql = connection.createStatement()) {
                for (String statement : statements) {
                    sql.execute(statement);
                }
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return new RunDatabase(connection);
        } catch (SQLException e) {
            throw new ExplorerException(failure + " (" + firstLine(e) + ")", e);
        }
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    synchronized void execute(String statement) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    /** Sets the {@code turns} column of the customer and service tables from each agent's count of model turns. */
    synchronized void setTurns(Map<String, Integer> turns) throws SQLException {
        if (turns.isEmpty()) {
            return;
        }
        try (Statement sql = connection.createStatement()) {
            sql.execute("CREATE TEMP TABLE agent_turns (agent VARCHAR, n INTEGER)");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO agent_turns VALUES (?, ?)")) {
            for (var entry : turns.entrySet()) {
                insert.setString(1, entry.getKey());
                insert.setInt(2, entry.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (Statement sql = connection.createStatement()) {
            for (String table : List.of(CustomerTable.NAME, ServiceTable.NAME)) {
                sql.execute("UPDATE " + table + " SET turns = a.n FROM agent_turns a WHERE a.agent = " + table + ".id");
            }
            sql.execute("DROP TABLE agent_turns");
        }
    }

    /** Whether the attached run has this table. */
    synchronized boolean hasTable(String table) throws SQLException {
        return !rows("SELECT 1 FROM duckdb_tables() WHERE database_name = 'r' AND table_name = ?", List.of(table))
                .isEmpty();
    }

    /** The rows of a query, each a map from column label to its JDBC value, in order. */
    synchronized List<Map<String, Object>> rows(String query, List<?> args) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; i < args.size(); i++) {
                statement.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c), rs.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    /** The single number a query gives. */
    synchronized long count(String query, List<?> args) throws SQLException {
        List<Map<String, Object>> rows = rows(query, args);
        return ((Number) rows.get(0).values().iterator().next()).longValue();
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing was written: a failed close leaks only memory the process gives back on exit
        }
    }
}

package org.mercato.scenarios.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code cells_wide} table: one row per cell (id, idx, replicate, seed, status) and one typed
 * column per factor, named by its dotted key: BIGINT when every level is an integer, DOUBLE when
 * every level is a number, BOOLEAN when every level is true or false, else VARCHAR (text as
 * written, other levels as JSON). A table rebuilt at the end of a sweep, not a view: it then needs
 * no JSON extension in DuckDB, and it is exported to CSV and Parquet like the other tables. Its
 * factor columns ({@link Column}) type {@code point_stats}'s too, so a level has one type everywhere.
 */
final class WideCells {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WideCells() {}

    enum ColumnType {
        BIGINT,
        DOUBLE,
        BOOLEAN,
        VARCHAR;

        static ColumnType of(JsonNode level) {
            if (level.isIntegralNumber() && level.canConvertToLong()) {
                return BIGINT;
            }
            return level.isNumber() ? DOUBLE : level.isBoolean() ? BOOLEAN : VARCHAR;
        }

        /** The narrowest type holding both: integers and other numbers make DOUBLE, any other mix VARCHAR. */
        ColumnType and(ColumnType other) {
            if (this == other) {
                return this;
            }
            boolean numbers = (this == BIGINT || this == DOUBLE) && (other == BIGINT || other == DOUBLE);
            return numbers ? DOUBLE : VARCHAR;
        }
    }

    private record Row(String id, int idx, JsonNode factors, int replicate, long seed, String status) {}

    /** A factor's column: its dotted key and the type its levels share. */
    record Column(String key, ColumnType type) {
        String definition() {
            return quoted(key) + " " + type;
        }
    }

    /**
     * Writes the table and returns its factor columns, typed over every cell of the database, so
     * that {@code point_stats} can type its factor columns the same way.
     */
    static List<Column> write(Connection connection, List<String> factorKeys) {
        try (Statement sql = connection.createStatement()) {
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs =
                    sql.executeQuery("SELECT id, idx, factors, replicate, seed, status FROM cells ORDER BY idx, id")) {
                while (rs.next()) {
                    rows.add(new Row(
                            rs.getString(1),
                            rs.getInt(2),
                            JSON.readTree(rs.getString(3)),
                            rs.getInt(4),
                            rs.getLong(5),
                            rs.getString(6)));
                }
            }
            List<Column> columns = new ArrayList<>();
            for (String key : factorKeys) {
                columns.add(new Column(key, typeOf(key, rows)));
            }
            StringBuilder create = new StringBuilder("CREATE OR REPLACE TABLE cells_wide (id VARCHAR, idx INTEGER,"
                    + " replicate INTEGER, seed BIGINT, status VARCHAR");
            StringBuilder marks = new StringBuilder("?, ?, ?, ?, ?");
            for (Column column : columns) {
                create.append(", ").append(column.definition());
                marks.append(", ?");
            }
            connection.setAutoCommit(false);
            sql.execute(create.append(')').toString());
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO cells_wide VALUES (" + marks + ")")) {
                for (Row row : rows) {
                    insert.setString(1, row.id());
                    insert.setInt(2, row.idx());
                    insert.setInt(3, row.replicate());
                    insert.setLong(4, row.seed());
                    insert.setString(5, row.status());
                    bindLevels(insert, 6, columns, row.factors());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
            return columns;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the cells_wide table: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Binds the levels of {@code factors} (a JSON object by key) to the columns from {@code at} on. */
    static void bindLevels(PreparedStatement p, int at, List<Column> columns, JsonNode factors) throws SQLException {
        for (int k = 0; k < columns.size(); k++) {
            Column column = columns.get(k);
            bind(p, at + k, column.type(), factors == null ? null : factors.get(column.key()));
        }
    }

    private static ColumnType typeOf(String key, List<Row> rows) {
        ColumnType type = null;
        for (Row row : rows) {
            JsonNode level = row.factors().get(key);
            if (level != null && !level.isNull()) {
                type = type == null ? ColumnType.of(level) : type.and(ColumnType.of(level));
            }
        }
        return type == null ? ColumnType.VARCHAR : type;
    }

    private static void bind(PreparedStatement p, int at, ColumnType type, JsonNode level) throws SQLException {
        if (level == null || level.isNull()) {
            p.setNull(
                    at,
                    switch (type) {
                        case BIGINT -> Types.BIGINT;
                        case DOUBLE -> Types.DOUBLE;
                        case BOOLEAN -> Types.BOOLEAN;
                        case VARCHAR -> Types.VARCHAR;
                    });
            return;
        }
        switch (type) {
            case BIGINT -> p.setLong(at, level.asLong());
            case DOUBLE -> p.setDouble(at, level.asDouble());
            case BOOLEAN -> p.setBoolean(at, level.asBoolean());
            case VARCHAR -> p.setString(at, SweepStore.levelText(level));
        }
    }

    static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}

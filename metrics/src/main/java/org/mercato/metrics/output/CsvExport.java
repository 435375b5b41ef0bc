package org.mercato.metrics.output;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Writes a finished table of results.duckdb to a CSV file with DuckDB's own writer ({@code COPY}):
 * a header of the column names, fields quoted only when they hold a comma, quote or line break (an
 * empty text is {@code ""}, a null an empty field), money with two decimals, rows in the order they
 * were appended. A double is written as events.jsonl writes it when it is a whole number ({@code 4},
 * not {@code 4.0}); otherwise DuckDB's shortest text that reads back as the same double ({@code
 * 4.5}, {@code 1e-05}). Exporting after the table is committed costs a fraction of formatting every
 * row in Java while the market runs, and the two files cannot disagree.
 */
final class CsvExport {
    private CsvExport() {}

    /** Copies {@code table}, whose columns are the given (name, DuckDB type) pairs, to {@code file}. */
    static void copy(Statement sql, String table, List<String[]> columns, Path file) throws SQLException {
        StringBuilder select = new StringBuilder("COPY (SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            String column = '"' + columns.get(i)[0] + '"';
            select.append(i == 0 ? "" : ", ");
            if (columns.get(i)[1].equals("DOUBLE")) {
                select.append("CASE WHEN ")
                        .append(column)
                        .append(" = round(")
                        .append(column)
                        .append(") AND abs(")
                        .append(column)
                        .append(") < 1e15 THEN CAST(CAST(")
                        .append(column)
                        .append(" AS BIGINT) AS VARCHAR) ELSE CAST(")
                        .append(column)
                        .append(" AS VARCHAR) END AS ")
                        .append(column);
            } else {
                select.append(column);
            }
        }
        select.append(" FROM ")
                .append(table)
                .append(") TO ")
                .append(DuckDbResults.literal(file))
                .append(" (HEADER, DELIMITER ',')");
        sql.execute(select.toString());
    }
}

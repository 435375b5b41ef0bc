package org.mercato.metrics.output;

import java.io.IOException;
import java.io.Writer;
import java.sql.SQLException;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.mercato.sim.domain.Money;

/**
 * One result table being written: each row goes to its DuckDB appender and, when asked, as one
 * line to its CSV file, from the same values (so the two cannot disagree). CSV: a header of the
 * column names, fields quoted only when they hold a comma, quote or line break, null as an empty
 * field, money with two decimals, numbers as in events.jsonl.
 */
final class TableOutput implements AutoCloseable {
    private final DuckDBAppender appender;
    private final Writer csv;
    private final StringBuilder line = new StringBuilder(256);
    private boolean first;
    private long rows;

    TableOutput(DuckDBAppender appender, Writer csv, List<String> columns) throws IOException {
        this.appender = appender;
        this.csv = csv;
        if (csv != null) {
            csv.write(String.join(",", columns));
            csv.write('\n');
        }
    }

    TableOutput begin(long t, long seq) throws SQLException {
        appender.beginRow();
        line.setLength(0);
        first = true;
        return bigint(t).bigint(seq);
    }

    TableOutput begin() throws SQLException {
        appender.beginRow();
        line.setLength(0);
        first = true;
        return this;
    }

    TableOutput text(String value) throws SQLException {
        if (value == null) {
            return nothing();
        }
        appender.append(value);
        if (csv != null) {
            separate();
            quoted(value);
        }
        return this;
    }

    TableOutput bigint(long value) throws SQLException {
        appender.append(value);
        if (csv != null) {
            separate();
            line.append(value);
        }
        return this;
    }

    TableOutput integer(int value) throws SQLException {
        appender.append(value);
        if (csv != null) {
            separate();
            line.append(value);
        }
        return this;
    }

    TableOutput bool(boolean value) throws SQLException {
        appender.append(value);
        if (csv != null) {
            separate();
            line.append(value);
        }
        return this;
    }

    TableOutput integer(Integer value) throws SQLException {
        return value == null ? nothing() : integer(value.intValue());
    }

    TableOutput real(double value) throws SQLException {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return nothing();
        }
        appender.append(value);
        if (csv != null) {
            separate();
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                line.append((long) value);
            } else {
                line.append(value);
            }
        }
        return this;
    }

    /** Money in cents, as a DECIMAL(18,2) of currency units. */
    TableOutput money(long cents) throws SQLException {
        appender.appendDecimal(cents);
        if (csv != null) {
            separate();
            Money.appendTo(line, cents);
        }
        return this;
    }

    TableOutput money(Long cents) throws SQLException {
        return cents == null ? nothing() : money(cents.longValue());
    }

    TableOutput nothing() throws SQLException {
        appender.appendNull();
        if (csv != null) {
            separate();
        }
        return this;
    }

    void end() throws SQLException, IOException {
        appender.endRow();
        if (csv != null) {
            line.append('\n');
            csv.append(line);
        }
        rows++;
    }

    long rows() {
        return rows;
    }

    private void separate() {
        if (!first) {
            line.append(',');
        }
        first = false;
    }

    private void quoted(String value) {
        boolean quote = value.isEmpty();
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            line.append(value);
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    /** Flushes the appender into the table and closes the CSV file. */
    @Override
    public void close() throws SQLException, IOException {
        try {
            appender.close();
        } finally {
            if (csv != null) {
                csv.close();
            }
        }
    }
}

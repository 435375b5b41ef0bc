package org.mercato.metrics.output;

import java.sql.SQLException;
import org.duckdb.DuckDBAppender;

/** One result table being written: each row goes to its DuckDB appender ({@link CsvExport} writes the CSV after). */
final class TableOutput implements AutoCloseable {
    private final DuckDBAppender appender;
    private long rows;

    TableOutput(DuckDBAppender appender) {
        this.appender = appender;
    }

    TableOutput begin(long t, long seq) throws SQLException {
        appender.beginRow();
        return bigint(t).bigint(seq);
    }

    TableOutput begin() throws SQLException {
        appender.beginRow();
        return this;
    }

    TableOutput text(String value) throws SQLException {
        if (value == null) {
            return nothing();
        }
        appender.append(value);
        return this;
    }

    TableOutput bigint(long value) throws SQLException {
        appender.append(value);
        return this;
    }

    TableOutput integer(int value) throws SQLException {
        appender.append(value);
        return this;
    }

    TableOutput bool(boolean value) throws SQLException {
        appender.append(value);
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
        return this;
    }

    /** Money in cents, as a DECIMAL(18,2) of currency units. */
    TableOutput money(long cents) throws SQLException {
        appender.appendDecimal(cents);
        return this;
    }

    TableOutput money(Long cents) throws SQLException {
        return cents == null ? nothing() : money(cents.longValue());
    }

    TableOutput nothing() throws SQLException {
        appender.appendNull();
        return this;
    }

    void end() throws SQLException {
        appender.endRow();
        rows++;
    }

    long rows() {
        return rows;
    }

    /** Flushes the appender into the table. */
    @Override
    public void close() throws SQLException {
        appender.close();
    }
}

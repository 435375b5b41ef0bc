package org.mercato.metrics.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.duckdb.DuckDBConnection;
import org.mercato.sim.events.EventLineSink;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.kernel.Preloader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a run's result tables while its events are logged: an {@link EventSink} that hands the
 * events, in batches, to one writer thread, which opens {@code results.duckdb} and appends each
 * event to it (DuckDB appenders, {@link EventTables}), so the kernel never waits on DuckDB unless the
 * writer falls far behind. The writer runs at a low CPU priority ({@link LowPriority}): on a busy
 * machine it writes with the cycles the market leaves and catches up once the market is done. When
 * the log ends the writer commits the event tables and exports them as CSV ({@link
 * CsvExport}) while the caller builds the summary. {@link #finish} adds the {@code metrics} table
 * from the summary, exports Parquet when asked, and renames everything into place; until then everything
 * lives under names unique to this writer ({@code results.duckdb.<token>.tmp}, {@code
 * csv.<token>.tmp}, ...). A write that fails (full disk) stops writing, deletes its temporaries at
 * once (so the event log can still be written) and lets the run go on; {@link #finish} then throws
 * one line saying what, where and why. {@link #close} without {@link #finish} discards everything.
 */
public final class ResultTables implements EventSink, EventLineSink {
    private static final Logger log = LoggerFactory.getLogger(ResultTables.class);
    private static final Preloader DUCKDB = new Preloader("duckdb-preload", () -> {
        try {
            Class.forName("org.duckdb.DuckDBNative", true, ResultTables.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final String DATABASE = "results.duckdb";
    private static final int BATCH = 2048;
    private static final List<Logged> END = List.of();

    /** An event with its line in events.jsonl (null when its typed table holds every field). */
    record Logged(LoggedEvent event, String line) {}

    private final Path folder;
    private final Path database;
    private final Path csvDir;
    private final Path parquetDir;
    private final String token;
    private final Supplier<RunCatalog> catalog;
    // opened by the writer thread; other threads read them only after joining it
    private DuckDBConnection connection;
    private EventTables tables;
    private final BlockingQueue<List<Logged>> queue = new ArrayBlockingQueue<>(64);
    private final AtomicLong rows = new AtomicLong();
    private final Thread writer;
    private List<Logged> batch = new ArrayList<>(BATCH);
    private volatile Exception failure;
    private boolean ended;
    private boolean done;
    private volatile boolean eventsCommitted;

    private ResultTables(Path folder, Supplier<RunCatalog> catalog, boolean csv, boolean parquet) {
        this.folder = folder;
        this.catalog = catalog;
        this.token = UUID.randomUUID().toString().substring(0, 8);
        this.database = folder.resolve(DATABASE + "." + token + ".tmp");
        this.csvDir = csv ? folder.resolve("csv." + token + ".tmp") : null;
        this.parquetDir = parquet ? folder.resolve("parquet." + token + ".tmp") : null;
        this.writer = new Thread(this::drain, "result-tables");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Opens the database on the writer thread, so the run starts its market meanwhile (70 ms on the
     * 20,000-customer quickstart); events queue until it is open.
     */
    private void openDatabase() {
        DuckDBConnection opened = null;
        try {
            if (csvDir != null) {
                Files.createDirectory(csvDir);
            }
            opened = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath());
            // one transaction for the events: an appender's flush then writes no write-ahead log
            opened.setAutoCommit(false);
            // DuckDB's own worker threads would compete with the market's agents for the cores; one
            // thread writes the tables in step with the run (20,000-customer quickstart: outputs
            // cost 1.17x the run without them, against 1.25x with a thread per core)
            try (Statement sql = opened.createStatement()) {
                sql.execute("SET threads TO 1");
            }
            this.connection = opened;
            this.tables = new EventTables(opened, catalog.get());
        } catch (IOException | SQLException | RuntimeException e) {
            failure = e;
            log.debug("result tables could not be opened; deleting them", e);
            closeQuietly(opened, e);
            deleteTemporaries(e);
        }
    }

    /**
     * Loads DuckDB's native library on a background thread, once per JVM. The driver unpacks it
     * (about 57 MB) from its jar on first use, which takes a large part of a second; started when a
     * run begins, that overlaps with wiring the market instead of delaying the first table. A
     * failure is left for {@link #open} to report.
     */
    public static void preload() {
        DUCKDB.start();
    }

    /**
     * Starts writing {@code <folder>/results.duckdb} (and {@code csv/}, {@code parquet/} when
     * asked) from the events given to {@link #accept}; {@code catalog} adds the catalog's columns
     * to the {@code customers} and {@code services} tables ({@link RunCatalog#NONE} for none). The
     * database is opened on the writer thread: a failure to open it is reported by {@link #finish},
     * like any failure while writing.
     */
    public static ResultTables open(Path folder, RunCatalog catalog, boolean csv, boolean parquet) {
        return new ResultTables(folder, () -> catalog, csv, parquet);
    }

    /**
     * As above, with the catalog's columns built on the writer thread when it opens the database
     * (20,000 customers: 40-90 ms the caller need not wait for); {@code catalog} must give the same
     * columns whenever it is called.
     */
    public static ResultTables open(Path folder, Supplier<RunCatalog> catalog, boolean csv, boolean parquet) {
        return new ResultTables(folder, catalog, csv, parquet);
    }

    /** As {@link #accept(LoggedEvent, CharSequence)}, writing the event's line first. */
    @Override
    public void accept(LoggedEvent event) {
        StringBuilder line = new StringBuilder(256);
        event.writeJson(line);
        accept(event, line);
    }

    /**
     * Queues the event and its line in events.jsonl for the writer thread (called in log order,
     * from one thread at a time): the tap of the run's {@link org.mercato.sim.events.JsonlEventWriter}.
     */
    @Override
    public void accept(LoggedEvent event, CharSequence line) {
        if (failure != null || ended) {
            return;
        }
        batch.add(new Logged(event, EventTables.hasTypedTable(event.event()) ? null : line.toString()));
        if (batch.size() == BATCH) {
            hand(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Rows written so far over every table (for a progress line; read from any thread). */
    public long rowsWritten() {
        return rows.get();
    }

    private void hand(List<Logged> events) {
        try {
            queue.put(events);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
        }
    }

    private void drain() {
        LowPriority.applyToCurrentThread();
        openDatabase();
        try {
            while (true) {
                List<Logged> events = queue.take();
                if (events == END) {
                    if (failure == null) {
                        commitEvents();
                    }
                    return;
                }
                if (failure == null) {
                    write(events);
                }
            }
        } catch (InterruptedException e) {
            failure = e;
        }
    }

    /**
     * Flushes the event tables into the database and commits them, on the writer thread, so this
     * (the larger part of writing the database) overlaps with the summary and the report.
     */
    private void commitEvents() {
        try {
            tables.close();
            try (Statement sql = connection.createStatement()) {
                tables.createEventsView(sql);
            }
            eventsCommitted = true;
            connection.commit();
            connection.setAutoCommit(true);
            if (csvDir != null) {
                try (Statement sql = connection.createStatement()) {
                    tables.exportCsv(sql, csvDir);
                }
            }
        } catch (SQLException | RuntimeException e) {
            failure = e;
            log.debug("result tables failed; deleting them", e);
            closeQuietly(connection, e);
            deleteTemporaries(e);
        }
    }

    private void write(List<Logged> events) {
        try {
            for (Logged event : events) {
                tables.write(event.event(), event.line());
            }
            rows.set(tables.rows());
        } catch (SQLException | RuntimeException e) {
            failure = e;
            log.debug("result tables failed; deleting them", e);
            closeTablesQuietly(e);
            closeQuietly(connection, e);
            deleteTemporaries(e);
        }
    }

    /**
     * Says that the log is complete: the writer thread writes what is queued and commits the event
     * tables while the caller goes on (with the summary, say); {@link #finish} waits for it. Events
     * given after this are ignored. Optional: {@link #finish} ends the log itself.
     */
    public void endOfLog() throws IOException {
        if (ended) {
            return;
        }
        ended = true;
        if (!batch.isEmpty() && failure == null) {
            hand(batch);
        }
        batch = List.of();
        try {
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing " + folder.resolve(DATABASE), e);
        }
    }

    /** Waits until the writer thread has written and committed every event given so far. */
    private void endEvents() throws IOException {
        endOfLog();
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing " + folder.resolve(DATABASE), e);
        }
    }

    /**
     * After the last event: writes the {@code metrics} table (every number of {@code summaryJson},
     * {@link SummaryMetrics}), the Parquet files, and renames the database, {@code csv/} and
     * {@code parquet/} into place (replacing what an earlier write left). Throws one line naming
     * the database and why if anything failed, now or while the events were written; then nothing
     * of this write is left.
     */
    public Path finish(String summaryJson) throws IOException {
        Path target = folder.resolve(DATABASE);
        endEvents();
        done = true;
        try {
            if (failure != null) {
                throw failure;
            }
            writeMetrics(summaryJson);
            try (Statement sql = connection.createStatement()) {
                if (parquetDir != null) {
                    Files.createDirectory(parquetDir);
                    List<String> all = new ArrayList<>(tables.created());
                    all.remove(EventTables.BODIES);
                    all.add(0, "events");
                    all.add("metrics");
                    for (String table : all) {
                        sql.execute("COPY (SELECT * FROM " + table + ") TO "
                                + DuckDbResults.literal(parquetDir.resolve(table + ".parquet")) + " (FORMAT PARQUET)");
                    }
                }
                sql.execute("CHECKPOINT");
            }
            connection.close();
            DuckDbResults.moveIntoPlace(database, target);
            if (csvDir != null) {
                DuckDbResults.moveIntoPlace(csvDir, folder.resolve("csv"));
            }
            if (parquetDir != null) {
                DuckDbResults.moveIntoPlace(parquetDir, folder.resolve("parquet"));
            }
            return target;
        } catch (Exception e) {
            closeTablesQuietly(e);
            closeQuietly(connection, e);
            deleteTemporaries(e);
            throw failed(e);
        }
    }

    private void writeMetrics(String summaryJson) throws IOException, SQLException {
        var metrics = SummaryMetrics.flatten(new ObjectMapper().readTree(summaryJson));
        try (Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE metrics (metric VARCHAR, value DOUBLE)");
        }
        try (TableOutput table = new TableOutput(connection.createAppender("metrics"))) {
            for (var metric : metrics.entrySet()) {
                table.begin().text(metric.getKey()).real(metric.getValue()).end();
            }
        }
        if (csvDir != null) {
            try (Statement sql = connection.createStatement()) {
                CsvExport.copy(
                        sql,
                        "metrics",
                        List.of(new String[] {"metric", "VARCHAR"}, new String[] {"value", "DOUBLE"}),
                        csvDir.resolve("metrics.csv"));
            }
        }
    }

    /** Discards an unfinished write: stops the writer thread and deletes every temporary. */
    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        Exception discarded = new IOException("result tables discarded");
        try {
            endEvents();
        } catch (IOException e) {
            discarded.addSuppressed(e);
        }
        closeTablesQuietly(discarded);
        closeQuietly(connection, discarded);
        deleteTemporaries(discarded);
    }

    private IOException failed(Exception e) {
        return new IOException("cannot write " + folder.resolve(DATABASE) + ": " + DuckDbResults.why(e), e);
    }

    private void closeTablesQuietly(Exception failure) {
        if (tables == null || eventsCommitted) {
            return;
        }
        try {
            tables.close();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static void closeQuietly(java.sql.Connection connection, Exception failure) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private void deleteTemporaries(Exception failure) {
        for (Path leftover : List.of(
                database,
                database.resolveSibling(database.getFileName() + ".wal"),
                folder.resolve("csv." + token + ".tmp"),
                folder.resolve("parquet." + token + ".tmp"))) {
            DuckDbResults.deleteQuietly(leftover, failure);
        }
    }
}

package org.mercato.metrics.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A run's results as a DuckDB database: {@code events} (t, seq, type and the whole line as JSON),
 * typed tables for the events analyses use most ({@code payments}, {@code proposals}, {@code
 * searches}, {@code impressions}, {@code rejections}, {@code messages}) and {@code metrics}, every
 * number of summary.json in long format (name, value; named by {@link SummaryMetrics}). Written under a temporary name and
 * renamed (deleted if the write fails); optionally each table also as CSV and Parquet.
 */
public final class DuckDbResults {
    private static final String DATABASE = "results.duckdb";
    private static final Pattern COULD_NOT_WRITE = Pattern.compile("Could not write file \"([^\"]*)\": ([^\\r\\n]*)");
    private static final Map<String, String> TYPED_TABLES = typedTables();

    private DuckDbResults() {}

    private static Map<String, String> typedTables() {
        Map<String, String> tables = new TreeMap<>();
        tables.put(
                "payments",
                "SELECT t, seq, body->>'proposal' AS proposal, body->>'customer' AS customer,"
                        + " body->>'service' AS service, (body->>'amount')::DECIMAL(18,2) AS amount FROM events"
                        + " WHERE type = 'payment'");
        tables.put(
                "proposals",
                "SELECT t, seq, body->>'id' AS id, body->>'service' AS service,"
                        + " body->>'customer' AS customer, (body->>'total')::DECIMAL(18,2) AS total,"
                        + " (body->>'valid_until')::BIGINT AS valid_until, body->'lines' AS lines FROM events"
                        + " WHERE type = 'proposal'");
        tables.put(
                "searches",
                "SELECT t, seq, body->>'agent' AS agent, body->>'query' AS query,"
                        + " (body->>'page')::INTEGER AS page, body->'results' AS results FROM events WHERE type = 'search'");
        tables.put(
                "impressions",
                "SELECT t, seq, body->>'agent' AS agent, (body->>'search')::BIGINT AS search,"
                        + " body->>'service' AS service, (body->>'rank')::INTEGER AS rank, (body->>'row')::INTEGER AS row,"
                        + " (body->>'column')::INTEGER AS \"column\", body->'tags' AS tags,"
                        + " TRY_CAST(body->>'price' AS DECIMAL(18,2)) AS price, (body->>'rating')::DOUBLE AS rating,"
                        + " (body->>'reviews')::BIGINT AS reviews FROM events WHERE type = 'impression'");
        tables.put(
                "rejections",
                "SELECT t, seq, body->>'agent' AS agent, body->>'action' AS action,"
                        + " body->>'ref' AS ref, body->>'reason' AS reason FROM events WHERE type = 'rejected'");
        tables.put(
                "messages",
                "SELECT t, seq, body->>'from' AS sender, body->>'to' AS recipient,"
                        + " body->>'text' AS text FROM events WHERE type = 'message'");
        return tables;
    }

    /** Writes {@code <folder>/results.duckdb} (and {@code <folder>/parquet/*.parquet} when asked). */
    public static Path write(Path folder, Path eventLog, String summaryJson, boolean parquet) throws IOException {
        return write(folder, eventLog, summaryJson, false, parquet);
    }

    /**
     * As above; {@code csv} also writes every table but {@code events} to {@code <folder>/csv/}. The
     * database, its write-ahead log and the csv and parquet folders are written under names unique
     * to this call ({@code results.duckdb.<token>.tmp}, {@code csv.<token>.tmp}, ...) and renamed
     * when all are complete. If anything fails they are deleted and the one-line {@link IOException}
     * says what could not be written, where and why (DuckDB's native stack trace left out).
     */
    public static Path write(Path folder, Path eventLog, String summaryJson, boolean csv, boolean parquet)
            throws IOException {
        Path target = folder.resolve(DATABASE);
        String token = UUID.randomUUID().toString().substring(0, 8);
        Path temporary = folder.resolve(DATABASE + "." + token + ".tmp");
        Path csvTemporary = csv ? folder.resolve("csv." + token + ".tmp") : null;
        Path parquetTemporary = parquet ? folder.resolve("parquet." + token + ".tmp") : null;
        try {
            fill(temporary, eventLog, summaryJson, csvTemporary, parquetTemporary);
            moveIntoPlace(temporary, target);
            if (csvTemporary != null) {
                moveIntoPlace(csvTemporary, folder.resolve("csv"));
            }
            if (parquetTemporary != null) {
                moveIntoPlace(parquetTemporary, folder.resolve("parquet"));
            }
        } catch (IOException | SQLException | RuntimeException e) {
            for (Path leftover : List.of(
                    temporary,
                    temporary.resolveSibling(temporary.getFileName() + ".wal"),
                    folder.resolve("csv." + token + ".tmp"),
                    folder.resolve("parquet." + token + ".tmp"))) {
                deleteQuietly(leftover, e);
            }
            throw new IOException("cannot write " + target + ": " + why(e), e);
        }
        return target;
    }

    private static void fill(Path database, Path eventLog, String summaryJson, Path csvDir, Path parquetDir)
            throws IOException, SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath());
                Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE events AS SELECT (json->>'t')::BIGINT AS t, (json->>'seq')::BIGINT AS seq,"
                    + " json->>'type' AS type, json AS body FROM read_ndjson_objects(" + literal(eventLog) + ")"
                    + " ORDER BY seq");
            for (var table : TYPED_TABLES.entrySet()) {
                sql.execute("CREATE TABLE " + table.getKey() + " AS " + table.getValue() + " ORDER BY seq");
            }
            sql.execute("CREATE TABLE metrics (metric VARCHAR, value DOUBLE)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO metrics VALUES (?, ?)")) {
                for (var metric : SummaryMetrics.flatten(new ObjectMapper().readTree(summaryJson))
                        .entrySet()) {
                    insert.setString(1, metric.getKey());
                    insert.setDouble(2, metric.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            if (csvDir != null) {
                Files.createDirectory(csvDir);
                for (String table : tables()) {
                    if (!table.equals("events")) {
                        String json = jsonColumns(table);
                        String columns = json == null ? "*" : "* EXCLUDE (" + json + ")";
                        sql.execute("COPY (SELECT " + columns + " FROM " + table + ") TO "
                                + literal(csvDir.resolve(table + ".csv")) + " (HEADER, DELIMITER ',')");
                    }
                }
            }
            if (parquetDir != null) {
                Files.createDirectory(parquetDir);
                for (String table : tables()) {
                    sql.execute("COPY " + table + " TO " + literal(parquetDir.resolve(table + ".parquet"))
                            + " (FORMAT PARQUET)");
                }
            }
            sql.execute("CHECKPOINT");
        }
    }

    /** Renames a complete file or folder into place, replacing what an earlier write left there. */
    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            deleteTree(target);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path path, Exception failure) {
        try {
            deleteTree(path);
        } catch (IOException | UncheckedIOException e) {
            failure.addSuppressed(e);
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Why a write failed, in one line: the operating system's reason when DuckDB names the file it
     * could not write ({@code No space left on device}), else the message without DuckDB's stack.
     */
    static String why(Throwable failure) {
        String message = failure.getMessage();
        if (failure instanceof FileSystemException fs && fs.getReason() != null) {
            message = fs.getFile() == null ? fs.getReason() : fs.getFile() + ": " + fs.getReason();
        }
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        int stack = message.indexOf("Stack Trace:");
        if (stack >= 0) {
            message = message.substring(0, stack);
        }
        Matcher cannotWrite = COULD_NOT_WRITE.matcher(message);
        if (cannotWrite.find()) {
            String file = Path.of(cannotWrite.group(1)).getFileName().toString();
            return cannotWrite.group(2).strip() + (file.contains(".tmp") ? "" : " (writing " + file + ")");
        }
        message = message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return message.length() <= 300 ? message : message.substring(0, 300) + "...";
    }

    /** Columns holding JSON arrays, left out of the CSV files (they are in DuckDB and Parquet). */
    private static String jsonColumns(String table) {
        return switch (table) {
            case "proposals" -> "lines";
            case "searches" -> "results";
            case "impressions" -> "tags";
            default -> null;
        };
    }

    public static List<String> tables() {
        List<String> names = new java.util.ArrayList<>(List.of("events", "metrics"));
        names.addAll(TYPED_TABLES.keySet());
        return names;
    }

    private static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}

package org.mercato.metrics.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mercato.sim.events.EventReader;
import org.mercato.sim.events.JsonlEventWriter;

/**
 * A run's results as a DuckDB database: {@code events} (t, seq, type and the whole line as JSON
 * text), a typed table per event type analyses use most ({@code customers}, {@code services},
 * {@code searches}, {@code impressions}, {@code messages}, {@code proposals}, {@code payments},
 * {@code rejections}; every field of the event under its own name, {@link EventTables}) and {@code
 * metrics}, every number of summary.json in long format (name, value; named by {@link
 * SummaryMetrics}); optionally each table also as CSV and Parquet. A live run streams its events
 * into {@link ResultTables}; {@link #write} replays a saved {@code events.jsonl} through the same
 * writer, so both give the same tables.
 */
public final class DuckDbResults {
    private static final Pattern COULD_NOT_WRITE = Pattern.compile("Could not write file \"([^\"]*)\": ([^\\r\\n]*)");

    private DuckDbResults() {}

    /** Writes {@code <folder>/results.duckdb} (and {@code <folder>/parquet/*.parquet} when asked). */
    public static Path write(Path folder, Path eventLog, String summaryJson, boolean parquet) throws IOException {
        return write(folder, eventLog, summaryJson, false, parquet);
    }

    /**
     * As above; {@code csv} also writes every table but {@code events} to {@code <folder>/csv/}. The
     * catalog columns of {@code customers} and {@code services} stay null (the log does not carry
     * them): {@link #write(Path, Path, String, RunCatalog, boolean, boolean)} fills them.
     */
    public static Path write(Path folder, Path eventLog, String summaryJson, boolean csv, boolean parquet)
            throws IOException {
        return write(folder, eventLog, summaryJson, RunCatalog.NONE, csv, parquet);
    }

    /**
     * Replays {@code eventLog} into a {@link ResultTables} and finishes it with the summary. The
     * database and the csv and parquet folders are written under names unique to this call and
     * renamed when all are complete. If anything fails they are deleted and the one-line {@link
     * IOException} says what could not be written, where and why (DuckDB's native stack trace left
     * out; a bad event log names its line).
     */
    public static Path write(
            Path folder, Path eventLog, String summaryJson, RunCatalog catalog, boolean csv, boolean parquet)
            throws IOException {
        try (ResultTables tables = ResultTables.open(folder, catalog, csv, parquet)) {
            try {
                // the lines as a live run's writer hands them over: written again, byte for byte
                EventReader.read(eventLog, new JsonlEventWriter(OutputStream.nullOutputStream(), tables));
            } catch (IOException | RuntimeException e) {
                throw new IOException("cannot write " + folder.resolve("results.duckdb") + ": " + why(e), e);
            }
            return tables.finish(summaryJson);
        }
    }

    /** Renames a complete file or folder into place, replacing what an earlier write left there. */
    static void moveIntoPlace(Path temporary, Path target) throws IOException {
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            deleteTree(target);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteQuietly(Path path, Exception failure) {
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

    /** Every table and view of results.duckdb, the view {@code events} first, {@code metrics} last. */
    public static List<String> tables() {
        List<String> names = new java.util.ArrayList<>(List.of("events"));
        names.addAll(EventTables.SCHEMA.keySet());
        names.add("metrics");
        return names;
    }

    static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}

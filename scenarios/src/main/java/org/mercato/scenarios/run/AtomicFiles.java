package org.mercato.scenarios.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes files under a temporary name and renames them into place, so no reader sees half a file.
 * A temporary's name is the target's plus a token unique to the write and {@code .tmp} ({@code
 * summary.json.3f9c01ab.tmp}): a write never reuses, truncates or renames a temporary that a killed
 * or concurrent writer left beside the same target.
 */
public final class AtomicFiles {
    /** Names of temporaries: ours ({@code *.tmp}) and DuckDB's write-ahead log beside one ({@code *.tmp.wal}). */
    private static final Pattern TEMPORARY = Pattern.compile(".*\\.tmp(\\.wal)?");

    private AtomicFiles() {}

    public static Path temporaryFor(Path target) {
        String token = UUID.randomUUID().toString().substring(0, 8);
        return target.resolveSibling(target.getFileName() + "." + token + ".tmp");
    }

    public static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes the file in place; if that fails, its temporary is deleted and the target left as it was. */
    public static void writeString(Path target, String content) throws IOException {
        Path temporary = temporaryFor(target);
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            moveIntoPlace(temporary, target);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Deletes the temporaries (files and folders named {@code *.tmp} or {@code *.tmp.wal}) directly in
     * {@code folder} except {@code keep}; for a folder only one writer owns, such as a run's. Returns
     * what could not be deleted.
     */
    public static List<Path> deleteTemporaries(Path folder, Path keep) {
        List<Path> left = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(AtomicFiles::isTemporary).toList()) {
                if (!file.equals(keep) && !deleteTree(file)) {
                    left.add(file);
                }
            }
        } catch (IOException e) {
            left.add(folder);
        }
        return left;
    }

    static boolean isTemporary(Path file) {
        return TEMPORARY.matcher(file.getFileName().toString()).matches();
    }

    private static boolean deleteTree(Path path) {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
            return !Files.exists(path, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }
}

package org.mercato.explorer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The folder the explorer serves, and the only way a request names a path in it: every relative
 * path a request gives is normalised and its symlinks resolved, and anything that ends up outside
 * the folder (or that spells a parent step, an encoded dot or an absolute path) is refused.
 */
final class ServedFolder {
    static final String RESULTS = "results.duckdb";
    static final String SWEEP = "sweep.duckdb";
    static final String EVENTS = "events.jsonl";

    enum Kind {
        RUN,
        SWEEP;

        String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Path root;
    private final Kind kind;

    private ServedFolder(Path root, Kind kind) {
        this.root = root;
        this.kind = kind;
    }

    /** The folder, or an {@link ExplorerException} saying why it is neither a run nor a sweep folder. */
    static ServedFolder open(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new ExplorerException(folder + ": no such folder");
        }
        Path real;
        try {
            real = folder.toRealPath();
        } catch (IOException e) {
            throw new ExplorerException(folder + ": cannot read the folder (" + e.getMessage() + ")");
        }
        if (Files.isRegularFile(real.resolve(SWEEP))) {
            return new ServedFolder(real, Kind.SWEEP);
        }
        if (isRun(real)) {
            return new ServedFolder(real, Kind.RUN);
        }
        throw new ExplorerException(folder + ": not a run folder (no " + RESULTS + " or " + EVENTS
                + ") nor a sweep folder (no " + SWEEP + ")");
    }

    Path root() {
        return root;
    }

    Kind kind() {
        return kind;
    }

    String name() {
        return root.getFileName() == null ? root.toString() : root.getFileName().toString();
    }

    /**
     * The run folder a {@code run=} parameter names (already URL-decoded; null or empty: the served
     * folder itself), if it lies inside the served folder and holds {@code results.duckdb} (or, like
     * a sweep's kept runs, only {@code events.jsonl}: its tables are then rebuilt from the log).
     */
    Optional<Path> run(String relative) {
        Optional<Path> folder = relative == null || relative.isEmpty() ? Optional.of(root) : inside(relative);
        return folder.filter(ServedFolder::isRun);
    }

    static boolean isRun(Path folder) {
        return Files.isDirectory(folder)
                && (Files.isRegularFile(folder.resolve(RESULTS)) || Files.isRegularFile(folder.resolve(EVENTS)));
    }

    /** A regular file named by a path relative to the served folder, if it lies inside it. */
    Optional<Path> file(String relative) {
        return inside(relative).filter(Files::isRegularFile);
    }

    /** The path of {@code target} (inside the folder) relative to it, with forward slashes. */
    String relative(Path target) {
        return root.relativize(target).toString().replace('\\', '/');
    }

    /**
     * The real path {@code relative} names, if it is inside the folder. Refused before touching the
     * file system: a parent step, a backslash, a NUL, an absolute path, a drive letter; after: a path
     * whose real location (symlinks followed) is outside.
     */
    private Optional<Path> inside(String relative) {
        if (relative.isEmpty()
                || relative.startsWith("/")
                || relative.indexOf('\\') >= 0
                || relative.indexOf('\0') >= 0
                || relative.indexOf(':') >= 0) {
            return Optional.empty();
        }
        for (String step : relative.split("/", -1)) {
            if (step.equals("..")) {
                return Optional.empty();
            }
        }
        try {
            Path candidate = root.resolve(relative).normalize();
            if (!candidate.startsWith(root) || !Files.exists(candidate)) {
                return Optional.empty();
            }
            Path real = candidate.toRealPath();
            return real.startsWith(root) ? Optional.of(real) : Optional.empty();
        } catch (InvalidPathException | IOException e) {
            return Optional.empty();
        }
    }
}

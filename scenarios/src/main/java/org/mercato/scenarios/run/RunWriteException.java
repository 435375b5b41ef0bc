package org.mercato.scenarios.run;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * A run's output could not be written (a full disk, a folder that went away): not bad input, so the
 * command line exits 1. The message is one line saying what, where and why, e.g. {@code cannot
 * write runs/quickstart-20260101-120000/events.jsonl: No space left on device}.
 */
public final class RunWriteException extends IOException {
    RunWriteException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code target} could not be written because of {@code failure} (or the first IOException behind it). */
    static RunWriteException of(Path target, Throwable failure) {
        return new RunWriteException("cannot write " + target + ": " + reason(failure), failure);
    }

    private static String reason(Throwable failure) {
        Throwable io = failure;
        while (!(io instanceof IOException) && io.getCause() != null) {
            io = io.getCause();
        }
        String reason = io instanceof FileSystemException fs ? fs.getReason() : io.getMessage();
        return reason == null || reason.isBlank()
                ? inWords(io.getClass().getSimpleName())
                : reason.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    /** {@code DirectoryNotEmptyException} as "directory not empty". */
    private static String inWords(String exceptionName) {
        String words = exceptionName.replaceFirst("Exception$", "").replaceAll("(?<=[a-z])(?=[A-Z])", " ");
        return words.isEmpty() ? exceptionName : words.toLowerCase(java.util.Locale.ROOT);
    }
}

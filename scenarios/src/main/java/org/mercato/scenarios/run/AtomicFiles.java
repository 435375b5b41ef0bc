package org.mercato.scenarios.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes files under a temporary name and renames them into place, so no reader sees half a file. */
public final class AtomicFiles {
    private AtomicFiles() {}

    public static Path temporaryFor(Path target) {
        return target.resolveSibling(target.getFileName() + ".tmp");
    }

    public static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static void writeString(Path target, String content) throws IOException {
        Path temporary = temporaryFor(target);
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        moveIntoPlace(temporary, target);
    }
}

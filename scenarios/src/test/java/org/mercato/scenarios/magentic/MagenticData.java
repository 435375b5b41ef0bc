package org.mercato.scenarios.magentic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where tests find data: the fixture written for Mercato, and Magentic Marketplace's own dataset
 * folders when a checkout's {@code data/} folder is at hand (never copied into this project). That
 * folder is {@code -Dmagentic.data=...}, else {@code $MAGENTIC_DATA}, else the first {@code
 * shared/anchors/magentic-marketplace/data} found walking up from the working directory.
 */
public final class MagenticData {
    private MagenticData() {}

    /** The fixture: three bakeries and three shoppers, in Magentic's format. */
    public static Path fixture() {
        return Path.of("src/test/resources/magentic-fixture");
    }

    public static Optional<Path> magenticData() {
        String given = System.getProperty("magentic.data", System.getenv("MAGENTIC_DATA"));
        if (given != null && !given.isBlank()) {
            Path path = Path.of(given);
            return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/anchors/magentic-marketplace/data");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Every folder under {@code root} that holds both {@code businesses/} and {@code customers/}, sorted. */
    public static List<Path> datasetFolders(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isDirectory)
                    .filter(dir ->
                            Files.isDirectory(dir.resolve("businesses")) && Files.isDirectory(dir.resolve("customers")))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

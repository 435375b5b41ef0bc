package org.mercato.scenarios.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The documents a user copies commands from: the README, {@code docs/} and the scenario files. */
final class ProjectDocuments {
    /** The project's root, seen from the module the tests run in. */
    static final Path PROJECT = Path.of("..");

    private ProjectDocuments() {}

    static List<Path> all() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(PROJECT.resolve("README.md"));
        for (String folder : List.of("docs", "scenarios")) {
            try (Stream<Path> walk = Files.walk(PROJECT.resolve(folder), 3)) {
                walk.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".yaml"))
                        .filter(p ->
                                !p.toString().contains("/src/") && !p.toString().contains("/target/"))
                        .sorted()
                        .forEach(files::add);
            }
        }
        return files;
    }

    /** The 1-based line of {@code offset} in {@code text}. */
    static long lineOf(String text, int offset) {
        return text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}

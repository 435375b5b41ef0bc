package org.mercato.scenarios.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The scenarios bundled with Mercato (the studies among them), by name: {@code first-proposal-bias}
 * is {@code first-proposal-bias.yaml} in the bundled folder. That folder is the one named by the
 * system property {@value #FOLDER_PROPERTY} (the {@code mercato} launcher sets it to the project's
 * {@code scenarios/}, so edits show at once), else the copy the build puts on the classpath under
 * {@value #RESOURCE} (for embedded use; from a jar it is unpacked once per JVM into a temporary
 * folder, so a scenario's relative data folders resolve as usual).
 */
public final class BundledScenarios {
    public static final String FOLDER_PROPERTY = "mercato.scenarios";
    static final String RESOURCE = "org/mercato/scenarios/bundled";
    private static Path unpacked;

    private static final YAMLFactory DESCRIPTION_READER = new YAMLFactory();

    private BundledScenarios() {}

    /** A bundled scenario: its name (the file name without {@code .yaml}), its description, its file. */
    public record Entry(String name, String description, Path file) {}

    /**
     * Whether a command-line argument is a bare scenario name rather than a path: no folder
     * separator, no {@code .yaml} or {@code .yml} ending, only the characters a scenario name may use.
     */
    public static boolean isName(String argument) {
        return argument.matches("[A-Za-z0-9._-]+") && !argument.endsWith(".yaml") && !argument.endsWith(".yml");
    }

    /**
     * The scenario file an argument means: the file itself when it exists or is not a bare name,
     * else the bundled scenario of that name.
     *
     * @throws ScenarioException for an unknown name, listing the known ones, and for a missing file
     *     named like a bundled scenario's ({@code quickstart.yaml} outside {@code scenarios/}),
     *     saying how to name that scenario
     */
    public static Path resolveArgument(Path argument) {
        String text = argument.toString();
        if (Files.exists(argument)) {
            return argument;
        }
        if (isName(text)) {
            return resolve(text);
        }
        String bundled = bundledNameOfFileName(text);
        if (bundled != null) {
            throw new ScenarioException(
                    text,
                    "no such file here; to run the bundled scenario of that name, give its name ('"
                            + bundled
                            + "') or its path ("
                            + folder().resolve(bundled + ".yaml")
                            + ")");
        }
        return argument;
    }

    /** The bundled scenario whose name {@code fileName} is with a YAML ending, else null. */
    private static String bundledNameOfFileName(String fileName) {
        for (String ending : List.of(".yaml", ".yml")) {
            if (fileName.endsWith(ending)) {
                String stem = fileName.substring(0, fileName.length() - ending.length());
                return isName(stem) && Files.isRegularFile(folder().resolve(stem + ".yaml")) ? stem : null;
            }
        }
        return null;
    }

    /**
     * The bundled scenario file called {@code name}.
     *
     * @throws ScenarioException when there is none, naming the known ones
     */
    public static Path resolve(String name) {
        Path file = isName(name) ? folder().resolve(name + ".yaml") : null;
        if (file == null || !Files.isRegularFile(file)) {
            throw new ScenarioException(
                    name,
                    "no such file, and no bundled scenario of that name; bundled: "
                            + String.join(", ", names())
                            + " (see 'mercato list')");
        }
        return file;
    }

    /** The bundled scenarios' names, sorted. */
    public static List<String> names() {
        return files().stream().map(BundledScenarios::nameOf).sorted().toList();
    }

    /** Every bundled scenario with its one-line description, sorted by name. */
    public static List<Entry> list() {
        List<Entry> entries = new ArrayList<>();
        for (Path file : files()) {
            entries.add(new Entry(nameOf(file), description(file), file));
        }
        entries.sort(java.util.Comparator.comparing(Entry::name));
        return entries;
    }

    /** The folder the bundled scenarios are read from. */
    public static synchronized Path folder() {
        String property = System.getProperty(FOLDER_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        URL url = BundledScenarios.class.getClassLoader().getResource(RESOURCE);
        if (url == null) {
            throw new ScenarioException(
                    "bundled scenarios",
                    "not on the classpath (" + RESOURCE + ") and -D" + FOLDER_PROPERTY + " not set");
        }
        try {
            URI uri = url.toURI();
            if ("file".equals(uri.getScheme())) {
                return Path.of(uri);
            }
            if (unpacked == null) {
                unpacked = unpack(uri);
            }
            return unpacked;
        } catch (URISyntaxException | IOException e) {
            throw new ScenarioException("bundled scenarios", "cannot read " + url + ": " + e.getMessage());
        }
    }

    private static List<Path> files() {
        Path folder = folder();
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ScenarioException(folder.toString(), "cannot list the bundled scenarios: " + e.getMessage());
        }
    }

    private static String nameOf(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.substring(0, fileName.length() - ".yaml".length());
    }

    /**
     * The file's top-level {@code description:}, or an empty string when it has none or cannot be
     * read. Read token by token and only up to that key (near the top of every bundled file), without
     * building the scenario mapper that loading needs, so {@code mercato list} stays quick.
     */
    static String description(Path file) {
        try (JsonParser parser = DESCRIPTION_READER.createParser(Files.newBufferedReader(file))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return "";
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                if (key.equals("description")) {
                    return value.isScalarValue() && value != JsonToken.VALUE_NULL ? parser.getText() : "";
                }
                parser.skipChildren();
            }
            return "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Copies the bundled folder out of a jar into a fresh temporary folder. */
    private static Path unpack(URI uri) throws IOException {
        Path target = Files.createTempDirectory("mercato-scenarios");
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
            Path source = jar.provider().getPath(uri);
            try (Stream<Path> tree = Files.walk(source)) {
                tree.forEach(path -> {
                    Path to = target.resolve(source.relativize(path).toString());
                    try {
                        if (Files.isDirectory(path)) {
                            Files.createDirectories(to);
                        } else {
                            Files.copy(path, to);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return target;
    }
}

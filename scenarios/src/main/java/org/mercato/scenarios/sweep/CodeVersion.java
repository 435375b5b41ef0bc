package org.mercato.scenarios.sweep;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.mercato.agents.PolicyRegistry;
import org.mercato.metrics.MetricsCollector;
import org.mercato.scenarios.Mercato;
import org.mercato.sim.Simulation;

/**
 * The code version that goes into every cell id: the project version and the first 12 hex digits
 * of a SHA-256 over the class files and resources under {@code org/} of Mercato's four modules
 * (sorted by path, read from a jar or a classes folder alike). A Git commit would say less: it
 * misses uncommitted changes. The same sources compiled the same way give the same hash, so an
 * image built from this tree and the tree itself agree; any code change starts the sweep afresh.
 */
public final class CodeVersion {
    private static volatile String current;

    private CodeVersion() {}

    public static String current() {
        String v = current;
        if (v == null) {
            v = projectVersion() + "+" + classesHash();
            current = v;
        }
        return v;
    }

    /** The project version, from the resource the build fills in ({@code unknown} outside a build). */
    public static String projectVersion() {
        try (InputStream in = CodeVersion.class.getResourceAsStream("/org/mercato/scenarios/cli/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String classesHash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Class<?> module :
                    List.of(Simulation.class, PolicyRegistry.class, MetricsCollector.class, Mercato.class)) {
                Path location = Path.of(module.getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI());
                if (Files.isDirectory(location)) {
                    hashFolder(location, sha);
                } else {
                    hashJar(location, sha);
                }
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (NoSuchAlgorithmException | URISyntaxException | RuntimeException e) {
            return "nohash";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void hashFolder(Path root, MessageDigest sha) throws IOException {
        Path org = root.resolve("org");
        if (!Files.isDirectory(org)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(org)) {
            files = new ArrayList<>(walk.filter(Files::isRegularFile).toList());
        }
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            names.add(root.relativize(f).toString().replace('\\', '/'));
        }
        Collections.sort(names);
        for (String name : names) {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(root.resolve(name)));
        }
    }

    private static void hashJar(Path jar, MessageDigest sha) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> names = new ArrayList<>();
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (!e.isDirectory() && e.getName().startsWith("org/")) {
                    names.add(e.getName());
                }
            }
            Collections.sort(names);
            for (String name : names) {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
                    sha.update(in.readAllBytes());
                }
            }
        }
    }
}

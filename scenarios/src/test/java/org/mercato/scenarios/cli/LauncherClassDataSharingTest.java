package org.mercato.scenarios.cli;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code mercato} launcher's class-data sharing: it records an archive once per build, starts
 * with it, and never lets an archive it cannot use change a command's output or exit code. The
 * launcher runs in a checkout of its own whose "build" is a jar holding a stand-in {@code
 * MercatoCli} (it prints its arguments, and fails its training run when asked to): the real CLI's
 * quickstart run would take seconds per start and says nothing more about the script.
 */
class LauncherClassDataSharingTest {
    private static final String STAND_IN = """
            package org.mercato.scenarios.cli;

            public final class MercatoCli {
                public static void main(String[] args) {
                    if (args.length > 0 && args[0].equals("run") && System.getenv("STAND_IN_RUN_FAILS") != null) {
                        System.exit(1);
                    }
                    System.out.println("stand-in " + String.join(" ", args));
                }
            }
            """;

    @TempDir
    Path root;

    private Path jar;
    private Path stamp;

    @BeforeEach
    void checkout() throws IOException, InterruptedException {
        Path launcher = root.resolve("mercato");
        Files.copy(Path.of("..", "mercato"), launcher);
        launcher.toFile().setExecutable(true);
        Path target = Files.createDirectories(root.resolve("scenarios/target"));
        Files.createDirectories(target.resolve("lib"));
        jar = target.resolve("scenarios-0.0.0.jar");
        writeStandInJar(jar);
        stamp = target.resolve(".mercato-built");
        Files.writeString(stamp, "");
        Files.setLastModifiedTime(stamp, FileTime.from(Instant.now().minusSeconds(60)));
    }

    @Test
    void recordsTheArchiveOnceAndStartsWithIt() throws Exception {
        Result first = mercato(Map.of(), "list");
        assertThat(first.exit()).isZero();
        assertThat(first.out()).isEqualTo("stand-in list\n");
        assertThat(first.err()).contains("preparing class-data sharing");
        assertThat(archives()).hasSize(1);

        Result second = mercato(Map.of("MERCATO_JAVA_OPTS", "-Xlog:class+load"), "validate", "x.yaml");
        assertThat(second.exit()).isZero();
        assertThat(second.err()).isEmpty();
        assertThat(second.out()).contains("\nstand-in validate x.yaml\n");
        assertThat(second.out().lines().filter(line -> line.contains("MercatoCli")))
                .singleElement(as(STRING))
                .endsWith("org.mercato.scenarios.cli.MercatoCli source: shared objects file (top)");
    }

    @Test
    void aDamagedArchiveChangesNothingButTheSpeed() throws Exception {
        assertThat(mercato(Map.of(), "list").exit()).isZero();
        Path archive = archives().get(0);
        archive.toFile().setWritable(true);
        Files.writeString(archive, "not an archive");

        Result result = mercato(Map.of(), "run", "quickstart");

        assertThat(result).isEqualTo(new Result(0, "stand-in run quickstart\n", ""));
    }

    @Test
    void anArchiveOfOtherJarsIsIgnoredSilently() throws Exception {
        assertThat(mercato(Map.of(), "list").exit()).isZero();
        // the jar rewritten after the archive (the JVM refuses the archive and would say so on stdout)
        writeStandInJar(jar);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));

        Result result = mercato(Map.of(), "list");

        assertThat(result).isEqualTo(new Result(0, "stand-in list\n", ""));
    }

    @Test
    void aNewBuildRecordsANewArchive() throws Exception {
        assertThat(mercato(Map.of(), "list").exit()).isZero();
        Files.setLastModifiedTime(archives().get(0), FileTime.from(Instant.now().minusSeconds(30)));
        Files.setLastModifiedTime(stamp, FileTime.from(Instant.now().minusSeconds(20))); // built since

        Result result = mercato(Map.of(), "list");

        assertThat(result.err()).contains("preparing class-data sharing");
        assertThat(Files.getLastModifiedTime(archives().get(0))).isGreaterThan(Files.getLastModifiedTime(stamp));
    }

    @Test
    void aFailedTrainingRunIsNotRetriedBeforeTheNextBuild() throws Exception {
        Map<String, String> failing = Map.of("STAND_IN_RUN_FAILS", "1");

        Result first = mercato(failing, "list");
        Result second = mercato(failing, "list");

        assertThat(first.exit()).isZero();
        assertThat(first.out()).isEqualTo("stand-in list\n");
        assertThat(archives()).isEmpty();
        assertThat(second).isEqualTo(new Result(0, "stand-in list\n", ""));
    }

    @Test
    void mercatoCdsOffSkipsIt() throws Exception {
        Result result = mercato(Map.of("MERCATO_CDS", "off"), "list");

        assertThat(result).isEqualTo(new Result(0, "stand-in list\n", ""));
        assertThat(root.resolve("scenarios/target/cds")).doesNotExist();
    }

    private List<Path> archives() throws IOException {
        Path folder = root.resolve("scenarios/target/cds");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".jsa")).toList();
        }
    }

    private record Result(int exit, String out, String err) {}

    private Result mercato(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("bash", root.resolve("mercato").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.environment().remove("MERCATO_JAVA_OPTS");
        builder.environment().remove("MERCATO_CDS");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment()
                .put("TMPDIR", Files.createDirectories(root.resolve("tmp")).toString());
        builder.environment().putAll(env);
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private void writeStandInJar(Path jar) throws IOException {
        Path sources = Files.createDirectories(root.resolve("stand-in/src/org/mercato/scenarios/cli"));
        Path classes = Files.createDirectories(root.resolve("stand-in/classes"));
        Path source = Files.writeString(sources.resolve("MercatoCli.java"), STAND_IN);
        int compiled =
                ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString());
        assertThat(compiled).isZero();
        Path compiledClass = classes.resolve("org/mercato/scenarios/cli/MercatoCli.class");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("org/mercato/scenarios/cli/MercatoCli.class"));
            out.write(Files.readAllBytes(compiledClass));
            out.closeEntry();
        }
    }
}

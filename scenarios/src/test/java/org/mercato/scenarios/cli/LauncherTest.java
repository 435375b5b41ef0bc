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
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code mercato} launcher's class-data sharing (it records an archive once per build, starts
 * with it, and never lets an archive it cannot use change a command's output or exit code) and its
 * unpacking of DuckDB's native library beside the driver's jar, once. The
 * launcher runs in a checkout of its own whose "build" is a jar holding a stand-in {@code
 * MercatoCli} (it prints its arguments, and fails its training run when asked to): the real CLI's
 * quickstart run would take seconds per start and says nothing more about the script.
 */
class LauncherTest {
    private static final String STAND_IN = """
            package org.mercato.scenarios.cli;

            public final class MercatoCli {
                public static void main(String[] args) throws Exception {
                    if (args.length > 0 && args[0].equals("run") && System.getenv("STAND_IN_RUN_FAILS") != null) {
                        System.exit(1);
                    }
                    boolean quick = Boolean.getBoolean("mercato.quickCompiler");
                    if (quick && System.getenv("STAND_IN_WANTS_BOTH") != null) {
                        System.exit(75);
                    }
                    if (System.getenv("STAND_IN_SLEEPS") != null) {
                        java.nio.file.Files.writeString(
                                java.nio.file.Path.of(System.getenv("STAND_IN_SLEEPS")),
                                Long.toString(ProcessHandle.current().pid()));
                        Thread.sleep(60_000);
                    }
                    String compiler = System.getenv("STAND_IN_SHOWS_COMPILER") == null
                            ? "" : quick ? " (quick compiler)" : " (both compilers)";
                    String pages = System.getenv("STAND_IN_SHOWS_PAGES") == null
                            ? "" : on("UseTransparentHugePages") ? " (huge pages)" : " (small pages)";
                    String collector = System.getenv("STAND_IN_SHOWS_COLLECTOR") == null
                            ? "" : on("UseParallelGC") ? " (throughput collector)" : " (other collector)";
                    System.out.println("stand-in " + String.join(" ", args) + compiler + pages + collector);
                    if (System.getenv("STAND_IN_EXIT") != null) {
                        System.exit(Integer.parseInt(System.getenv("STAND_IN_EXIT")));
                    }
                }

                private static boolean on(String option) {
                    return java.lang.management.ManagementFactory
                            .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                            .getVMOption(option)
                            .getValue()
                            .equals("true");
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

    /**
     * A jar rewritten after the archive (./mvnw package or install outside the launcher): the JVM
     * would refuse the archive, so a new one is recorded, and the next start uses it.
     */
    @Test
    void aJarRebuiltAfterTheArchiveRecordsANewOne() throws Exception {
        assertThat(mercato(Map.of(), "list").exit()).isZero();
        writeStandInJar(jar);
        Files.setLastModifiedTime(archives().get(0), FileTime.from(Instant.now().minusSeconds(10)));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(5)));

        Result result = mercato(Map.of(), "list");
        Result next = mercato(Map.of("MERCATO_JAVA_OPTS", "-Xlog:class+load"), "list");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).isEqualTo("stand-in list\n");
        assertThat(result.err()).contains("preparing class-data sharing");
        assertThat(Files.getLastModifiedTime(archives().get(0))).isGreaterThan(Files.getLastModifiedTime(jar));
        assertThat(next.err()).isEmpty();
        assertThat(next.out().lines().filter(line -> line.contains("MercatoCli")))
                .singleElement(as(STRING))
                .endsWith("org.mercato.scenarios.cli.MercatoCli source: shared objects file (top)");
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

    /**
     * A run starts with the quick compiler only; one that asks for both (exit 75) starts again with
     * both, and MERCATO_JIT=full starts with both at once.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "small run, '', small.yaml, quick compiler",
        "run that wants both, STAND_IN_WANTS_BOTH, large.yaml, both compilers",
        "MERCATO_JIT=full, MERCATO_JIT, small.yaml, both compilers"
    })
    void aRunStartsWithTheCompilersItNeeds(String what, String variable, String file, String compilers)
            throws Exception {
        Map<String, String> env = new TreeMap<>(Map.of("STAND_IN_SHOWS_COMPILER", "1", "MERCATO_CDS", "off"));
        if (variable.equals("MERCATO_JIT")) {
            env.put(variable, "full");
        } else if (!variable.isEmpty()) {
            env.put(variable, "1");
        }

        Result result = mercato(env, "run", file);

        assertThat(result).isEqualTo(new Result(0, "stand-in run " + file + " (" + compilers + ")\n", ""));
    }

    /**
     * Where Linux gives 2 MB pages on request, both JVMs of a run ask for them (the quick one of a
     * small run and the one a large run restarts in); the short commands do not.
     */
    @Test
    void runsAskForHugePagesWhereLinuxGivesThem() throws Exception {
        Path setting = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        Assumptions.assumeTrue(
                Files.exists(setting) && Files.readString(setting).matches("(?s).*\\[(always|madvise)\\].*"),
                "needs transparent huge pages on request");
        Map<String, String> env = Map.of("STAND_IN_SHOWS_PAGES", "1", "MERCATO_CDS", "off");

        Result large = mercato(
                new TreeMap<>(Map.of("STAND_IN_SHOWS_PAGES", "1", "MERCATO_CDS", "off", "STAND_IN_WANTS_BOTH", "1")),
                "run",
                "large.yaml");
        Result small = mercato(env, "run", "small.yaml");
        Result list = mercato(env, "list");
        Result off = mercato(
                new TreeMap<>(Map.of(
                        "STAND_IN_SHOWS_PAGES", "1",
                        "MERCATO_CDS", "off",
                        "STAND_IN_WANTS_BOTH", "1",
                        "MERCATO_JAVA_OPTS", "-XX:-UseTransparentHugePages")),
                "run",
                "large.yaml");

        assertThat(large).isEqualTo(new Result(0, "stand-in run large.yaml (huge pages)\n", ""));
        assertThat(small).isEqualTo(new Result(0, "stand-in run small.yaml (huge pages)\n", ""));
        assertThat(list).isEqualTo(new Result(0, "stand-in list (small pages)\n", ""));
        assertThat(off).isEqualTo(new Result(0, "stand-in run large.yaml (small pages)\n", ""));
    }

    /**
     * Runs (both JVMs of a large one), sweeps and reports start with the throughput collector, the
     * short commands with the JVM's default; a collector named in MERCATO_JAVA_OPTS wins without a
     * clash of two collectors.
     */
    @Test
    void batchCommandsUseTheThroughputCollectorUnlessOneIsNamed() throws Exception {
        Map<String, String> env = Map.of("STAND_IN_SHOWS_COLLECTOR", "1", "MERCATO_CDS", "off");

        Result small = mercato(env, "run", "small.yaml");
        Result large = mercato(with(env, "STAND_IN_WANTS_BOTH", "1"), "run", "large.yaml");
        Result sweep = mercato(env, "sweep", "s.yaml");
        Result report = mercato(env, "report", "runs/x");
        Result list = mercato(env, "list");
        Result named = mercato(with(env, "MERCATO_JAVA_OPTS", "-XX:+UseSerialGC"), "run", "small.yaml");

        assertThat(small).isEqualTo(new Result(0, "stand-in run small.yaml (throughput collector)\n", ""));
        assertThat(large).isEqualTo(new Result(0, "stand-in run large.yaml (throughput collector)\n", ""));
        assertThat(sweep).isEqualTo(new Result(0, "stand-in sweep s.yaml (throughput collector)\n", ""));
        assertThat(report).isEqualTo(new Result(0, "stand-in report runs/x (throughput collector)\n", ""));
        assertThat(list).isEqualTo(new Result(0, "stand-in list (other collector)\n", ""));
        assertThat(named).isEqualTo(new Result(0, "stand-in run small.yaml (other collector)\n", ""));
    }

    @Test
    void theQuickRunsExitCodeIsTheLaunchers() throws Exception {
        Result result = mercato(Map.of("STAND_IN_EXIT", "3", "MERCATO_CDS", "off"), "run", "failing.yaml");

        assertThat(result).isEqualTo(new Result(3, "stand-in run failing.yaml\n", ""));
    }

    @Test
    void aTermSignalToTheLauncherStopsTheRunItWaitsFor() throws Exception {
        Path pidFile = root.resolve("run.pid");
        Process launcher = startLongRun(pidFile);
        ProcessHandle run = runningJvm(pidFile);

        launcher.destroy(); // SIGTERM to the launcher's shell

        assertThat(launcher.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(run.onExit().get(20, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(launcher.exitValue()).isEqualTo(143);
    }

    /** Ctrl-C: a JVM started in the background by a script without job control would ignore it. */
    @Test
    void anInterruptToTheLauncherStopsTheRunItWaitsFor() throws Exception {
        Assumptions.assumeFalse(interruptIgnoredHere(), "SIGINT is ignored by this test's own process");
        Path pidFile = root.resolve("run.pid");
        Process launcher = startLongRun(pidFile);
        ProcessHandle run = runningJvm(pidFile);

        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(launcher.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();

        assertThat(launcher.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(run.onExit().get(20, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(launcher.exitValue()).isEqualTo(130);
    }

    private Process startLongRun(Path pidFile) throws IOException {
        List<String> command = List.of("bash", root.resolve("mercato").toString(), "run", "long.yaml");
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("MERCATO_CDS", "off");
        builder.environment().put("STAND_IN_SLEEPS", pidFile.toString());
        return builder.redirectErrorStream(true)
                .redirectOutput(root.resolve("launcher.txt").toFile())
                .start();
    }

    /** {@code env} and one more variable. */
    private static Map<String, String> with(Map<String, String> env, String name, String value) {
        Map<String, String> more = new TreeMap<>(env);
        more.put(name, value);
        return more;
    }

    private static ProcessHandle runningJvm(Path pidFile) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(pidFile) || Files.readString(pidFile).isEmpty()) {
            assertThat(System.nanoTime()).as("the run started").isLessThan(deadline);
            Thread.sleep(20);
        }
        return ProcessHandle.of(Long.parseLong(Files.readString(pidFile))).orElseThrow();
    }

    /** True if this process ignores SIGINT (then so would every process it starts). */
    private static boolean interruptIgnoredHere() throws IOException {
        Path status = Path.of("/proc/self/status");
        Assumptions.assumeTrue(Files.exists(status), "needs /proc to see ignored signals");
        String ignored = Files.readAllLines(status).stream()
                .filter(line -> line.startsWith("SigIgn:"))
                .map(line -> line.substring("SigIgn:".length()).strip())
                .findFirst()
                .orElseThrow();
        return (Long.parseUnsignedLong(ignored, 16) & (1L << 1)) != 0; // bit 1 is signal 2, SIGINT
    }

    @Test
    void mercatoCdsOffSkipsIt() throws Exception {
        Result result = mercato(Map.of("MERCATO_CDS", "off"), "list");

        assertThat(result).isEqualTo(new Result(0, "stand-in list\n", ""));
        assertThat(root.resolve("scenarios/target/cds")).doesNotExist();
    }

    @Test
    void unpacksThisPlatformsDuckDbLibraryBesideTheJarOnceAndDropsTheLibrariesFromIt() throws Exception {
        String platform = duckDbPlatform();
        Assumptions.assumeTrue(platform != null, "no DuckDB library for this platform");
        Assumptions.assumeTrue(onPath("zip") && onPath("unzip"), "zip and unzip are needed");
        Path lib = root.resolve("scenarios/target/lib");
        Path driver = lib.resolve("duckdb_jdbc-9.9.9.jar");
        writeJar(
                driver,
                Map.of(
                        "org/duckdb/DuckDBNative.class",
                        "driver class",
                        platform,
                        "this platform's library",
                        "libduckdb_java.so_windows_amd64",
                        "another platform's library"));
        assertThat(mercato(Map.of(), "list").exit()).isZero();
        assertThat(archives()).hasSize(1);
        FileTime unpacked = Files.getLastModifiedTime(driver);

        Result second = mercato(Map.of(), "list");

        assertThat(Files.readString(lib.resolve(platform))).isEqualTo("this platform's library");
        assertThat(entries(driver)).containsExactly("org/duckdb/DuckDBNative.class");
        assertThat(second).isEqualTo(new Result(0, "stand-in list\n", ""));
        assertThat(Files.getLastModifiedTime(driver)).isEqualTo(unpacked);
        assertThat(archives()).hasSize(1); // recorded after the jar changed, so still in use
    }

    @Test
    void aDriverJarWithoutLibrariesIsLeftAsItIs() throws Exception {
        Path driver = root.resolve("scenarios/target/lib/duckdb_jdbc-9.9.9.jar");
        writeJar(driver, Map.of("org/duckdb/DuckDBNative.class", "driver class"));
        byte[] before = Files.readAllBytes(driver);

        Result result = mercato(Map.of(), "list");

        assertThat(result.exit()).isZero();
        assertThat(Files.readAllBytes(driver)).isEqualTo(before);
        try (Stream<Path> files = Files.list(driver.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("duckdb_jdbc-9.9.9.jar", "duckdb_jdbc-9.9.9.jar.native-unpacked");
        }
    }

    @Test
    void aChangedPomCopiesTheLibrariesAfreshSoNoOldVersionStaysBesideTheNewOne() throws Exception {
        Path lib = root.resolve("scenarios/target/lib");
        Files.writeString(lib.resolve("duckdb_jdbc-1.0.jar"), "old driver");
        Files.writeString(lib.resolve("libduckdb_java.so_linux_amd64"), "old library");
        standInBuild("duckdb_jdbc-2.0.jar");
        Files.writeString(root.resolve("pom.xml"), "<project/>");

        Result result = mercato(Map.of(), "list");

        assertThat(result.exit()).isZero();
        assertThat(result.err()).contains("rebuilding Mercato");
        assertThat(fileNames(lib))
                .doesNotContain("duckdb_jdbc-1.0.jar", "libduckdb_java.so_linux_amd64")
                .contains("duckdb_jdbc-2.0.jar");
    }

    @Test
    void aChangedSourceKeepsTheCopiedLibraries() throws Exception {
        Path lib = root.resolve("scenarios/target/lib");
        Files.writeString(lib.resolve("duckdb_jdbc-1.0.jar"), "driver");
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.setLastModifiedTime(
                root.resolve("pom.xml"), FileTime.from(Instant.now().minusSeconds(120)));
        Path source =
                Files.createDirectories(root.resolve("scenarios/src/main")).resolve("Changed.java");
        Files.writeString(source, "class Changed {}");
        standInBuild("other-1.0.jar");

        Result result = mercato(Map.of(), "list");

        assertThat(result.err()).contains("rebuilding Mercato");
        assertThat(fileNames(lib)).contains("duckdb_jdbc-1.0.jar", "other-1.0.jar");
    }

    /** A {@code mvnw} that "builds" by copying one library into scenarios/target/lib. */
    private void standInBuild(String library) throws IOException {
        Path mvnw = root.resolve("mvnw");
        Files.writeString(
                mvnw,
                "#!/usr/bin/env bash\nmkdir -p scenarios/target/lib\necho library > scenarios/target/lib/" + library
                        + "\n");
        mvnw.toFile().setExecutable(true);
    }

    private static List<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    private static String duckDbPlatform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        if (os.startsWith("linux")) {
            return arch.equals("amd64") || arch.equals("x86_64")
                    ? "libduckdb_java.so_linux_amd64"
                    : arch.equals("aarch64") ? "libduckdb_java.so_linux_arm64" : null;
        }
        return os.startsWith("mac") ? "libduckdb_java.so_osx_universal" : null;
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private static void writeJar(Path jar, Map<String, String> entries) throws IOException {
        Map<String, byte[]> bytes = new TreeMap<>();
        entries.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        writeJarOf(jar, bytes);
    }

    private static void writeJarOf(Path jar, Map<String, byte[]> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : new TreeMap<>(entries).entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
    }

    private static List<String> entries(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(JarEntry::getName).toList();
        }
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
        writeJarOf(jar, Map.of("org/mercato/scenarios/cli/MercatoCli.class", Files.readAllBytes(compiledClass)));
    }
}

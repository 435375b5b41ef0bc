package org.mercato.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.mercato.scenarios.cli.MercatoCliTest.mercato;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that cannot write its outputs fails with one line (what, where, why), notes it in run.log,
 * exits 1 and leaves none of its temporaries; an interrupted run (SIGTERM, Ctrl-C) leaves none
 * either.
 */
class RunWriteFailureTest {
    @TempDir
    Path dir;

    /**
     * A real full disk: a 700 KiB tmpfs holds the event log (160 KB), summary and report of a small
     * quickstart but not its DuckDB database (1.8 MB) and write-ahead log. Needs root (CI has it); skipped where mount is
     * refused.
     */
    @Test
    void aFullDiskIsOneLineInRunLogAndLeavesNoTemporaries() throws Exception {
        Path disk = Files.createDirectories(dir.resolve("small-disk"));
        String refused = run("mount", "-t", "tmpfs", "-o", "size=700k", "tmpfs", disk.toString());
        assumeThat(refused).as("mounting a small tmpfs (needs root)").isNull();
        try {
            var result = mercato(
                    "run", "quickstart.yaml", "--set", "market.generate.customers=60", "--out", disk.toString(), "-q");

            Path folder = onlyFolder(disk);
            assertThat(result.code()).as(result.err()).isEqualTo(1);
            assertThat(result.errLines())
                    .singleElement()
                    .asString()
                    .startsWith("error: run failed: cannot write " + folder.resolve("results.duckdb")
                            + ": No space left on device");
            assertThat(result.err()).doesNotContain("Stack Trace", "libduckdb", "Exception");
            assertThat(names(folder))
                    .containsExactlyInAnyOrder(
                            "events.jsonl", "summary.json", "report.html", "scenario.resolved.yaml", "run.log");
            assertThat(Files.readString(folder.resolve("run.log")))
                    .contains("run quickstart failed: cannot write " + folder.resolve("results.duckdb")
                            + ": No space left on device");
        } finally {
            if (run("umount", disk.toString()) != null) {
                run("umount", "-l", disk.toString());
            }
        }
    }

    /** Ctrl-C or SIGTERM mid-run: the shutdown hook puts run.log in place and deletes the temporaries. */
    @Test
    void anInterruptedRunLeavesNoTemporaries() throws Exception {
        Path runs = dir.resolve("runs");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        MercatoCli.class.getName(),
                        "run",
                        "quickstart.yaml",
                        "--set",
                        "market.generate.customers=5000",
                        "--set",
                        "market.generate.services=500",
                        "--set",
                        "kernel.mode=bare",
                        "--set",
                        "output.duckdb=false",
                        "--out",
                        runs.toString(),
                        "--quiet")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.out").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!writingEvents(runs)) {
                assertThat(child.isAlive())
                        .as("the run ended before it was interrupted: %s", Files.readString(dir.resolve("child.out")))
                        .isTrue();
                assertThat(System.nanoTime())
                        .as("the run never started writing events")
                        .isLessThan(deadline);
                Thread.sleep(20);
            }
            child.destroy(); // SIGTERM
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        Path folder = onlyFolder(runs);
        assertThat(names(folder)).containsExactlyInAnyOrder("scenario.resolved.yaml", "run.log");
        assertThat(Files.readString(folder.resolve("run.log"))).contains("run quickstart interrupted");
    }

    private static boolean writingEvents(Path runs) throws IOException {
        if (!Files.isDirectory(runs)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(runs)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith("events.jsonl.")
                    && p.toFile().length() > 0);
        }
    }

    /** Runs a command; null when it exits 0, else what it printed. */
    private static String run(String... command) throws InterruptedException {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor() == 0 ? null : "exit " + process.exitValue() + ": " + output.strip();
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private static Path onlyFolder(Path root) throws IOException {
        try (Stream<Path> folders = Files.list(root)) {
            return folders.collect(
                    java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), list -> {
                        assertThat(list).hasSize(1);
                        return list.get(0);
                    }));
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(files.map(p -> p.getFileName().toString()).toList());
        }
    }
}

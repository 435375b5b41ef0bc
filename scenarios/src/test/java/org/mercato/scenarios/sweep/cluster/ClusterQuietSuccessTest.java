package org.mercato.scenarios.sweep.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A successful cluster sweep, coordinator and worker each a JVM started with the real CLI on
 * loopback: both exit 0 and neither prints a WARN or ERROR line (Pekko's chatter of nodes leaving at
 * once, or of a worker's join retries, stays below WARN).
 */
class ClusterQuietSuccessTest {
    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void aSuccessfulClusterSweepPrintsNoWarning() throws Exception {
        Path file = org.mercato.scenarios.sweep.SweepFixturesAccess.scenarioWithSweep(dir, ClusterCli.sweep("1", 1));
        int port = ClusterCli.freePort();
        Process coordinator = start(
                "coordinator",
                "sweep",
                file.toString(),
                "--cluster",
                "--bind",
                "127.0.0.1:" + port,
                "--out",
                dir.resolve("sweep").toString(),
                "--failure-timeout",
                "5s");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!output("coordinator").contains("coordinator listening") && coordinator.isAlive()) {
            assertThat(System.nanoTime()).as("the coordinator starts listening").isLessThan(deadline);
            Thread.sleep(100);
        }
        Process worker = start(
                "worker", "worker", "--join", "127.0.0.1:" + port, "--parallelism", "2", "--failure-timeout", "5s");

        assertThat(coordinator.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String coordinatorOutput = output("coordinator");
        String workerOutput = output("worker");
        assertThat(coordinator.exitValue()).as(coordinatorOutput).isZero();
        assertThat(worker.exitValue()).as(workerOutput).isZero();
        assertThat(coordinatorOutput).contains("2 ok, 0 failed");
        assertThat(workerOutput).contains(" done");
        assertThat((coordinatorOutput + workerOutput).lines())
                .noneMatch(line -> line.startsWith("WARN") || line.startsWith("ERROR"));
    }

    private Process start(String name, String... args) throws IOException {
        Process p = new ProcessBuilder(ClusterCli.javaCommand(List.of(), dir.resolve(name + "-tmp"), args))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile())
                .start();
        processes.add(p);
        return p;
    }

    private String output(String name) throws IOException {
        Path log = dir.resolve(name + ".log");
        return Files.exists(log) ? Files.readString(log) : "";
    }
}

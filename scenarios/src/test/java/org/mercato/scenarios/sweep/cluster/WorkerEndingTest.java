package org.mercato.scenarios.sweep.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.scenarios.sweep.SweepFixturesAccess;

/** A worker that cannot reach its coordinator, or loses it, says so and exits 1 within the failure timeout. */
class WorkerEndingTest {
    private static final String SWEEP = ClusterCli.sweep("1, 2, 3, 4", 2);

    @TempDir
    Path dir;

    private Process coordinator;

    @AfterEach
    void stopCoordinator() {
        if (coordinator != null) {
            coordinator.destroyForcibly();
        }
    }

    @Test
    void joiningADeadAddressGivesUpAfterTheFailureTimeout() throws Exception {
        int port = ClusterCli.freePort();
        long start = System.nanoTime();

        ClusterCli.Result result = ClusterCli.inProcess(
                        "worker", "--join", "127.0.0.1:" + port, "--parallelism", "1", "--failure-timeout", "2s")
                .get(60, TimeUnit.SECONDS);

        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err().strip())
                .startsWith(
                        "error: could not join the coordinator at 127.0.0.1:" + port + " within --failure-timeout 2s")
                .doesNotContain("Exception");
        assertThat(result.out()).doesNotContain("done");
        // the timeout runs from the node's start, which takes seconds of its own on a busy machine
        assertThat(seconds).as("seconds to give up").isBetween(2L, 40L);
    }

    @Test
    void anOrphanedWorkerSaysItLostTheCoordinatorAndExitsOne() throws Exception {
        Path file = SweepFixturesAccess.scenarioWithSweep(dir, SWEEP);
        int port = ClusterCli.freePort();
        coordinator = new ProcessBuilder(ClusterCli.javaCommand(
                        List.of(),
                        dir.resolve("coordinator-tmp"),
                        "sweep",
                        file.toString(),
                        "--cluster",
                        "--bind",
                        "127.0.0.1:" + port,
                        "--failure-timeout",
                        "8s",
                        "--out",
                        dir.resolve("out").toString()))
                .redirectOutput(dir.resolve("coordinator.out").toFile())
                .redirectError(dir.resolve("coordinator.err").toFile())
                .start();
        ClusterCli.awaitListening(port, coordinator);
        Path runs = dir.resolve("runs");
        CompletableFuture<ClusterCli.Result> worker = ClusterCli.inProcess(
                "worker",
                "--join",
                "127.0.0.1:" + port,
                "--parallelism",
                "1",
                "--failure-timeout",
                "8s",
                "--keep-runs",
                runs.toString());

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
        while (!hasARun(runs) && !worker.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(hasARun(runs)).as("the worker got a cell to run").isTrue();
        coordinator.destroyForcibly();
        long killed = System.nanoTime();

        ClusterCli.Result result = worker.get(60, TimeUnit.SECONDS);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killed);
        assertThat(result.code()).as(result.err()).isEqualTo(1);
        assertThat(result.err().strip())
                .startsWith("error: lost the coordinator at 127.0.0.1:" + port + " before it said the sweep was done")
                .contains("removed from the cluster");
        assertThat(result.out()).doesNotContain(" done");
        assertThat(seconds)
                .as("seconds from the coordinator's death to the worker's exit")
                .isLessThan(40);
    }

    private static boolean hasARun(Path runs) throws java.io.IOException {
        if (!Files.isDirectory(runs)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(runs)) {
            return entries.findAny().isPresent();
        }
    }
}

package org.mercato.scenarios.sweep.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.scenarios.sweep.CellResult;
import org.mercato.scenarios.sweep.SweepFixturesAccess;
import org.mercato.scenarios.sweep.SweepStore;

/**
 * A coordinator and two workers as separate hosts: each JVM runs in its own network namespace with
 * its own address, linked through a bridge. One worker's link is cut for longer than the failure
 * timeout mid-sweep, then restored: every cell is still stored exactly once, the cut-off worker says
 * it was removed and exits 1, the sweep finishes with the worker left. Skipped where the test cannot
 * create namespaces (not root, no iproute2, refused).
 */
class ClusterAcrossHostsTest {
    private static final String SWEEP = ClusterCli.sweep("1, 2, 3, 4", 1);
    /** Long enough for a node on a busy machine to answer a join (a worker's join deadline too). */
    private static final String TIMEOUT = "8s";

    @TempDir
    Path dir;

    private final List<Process> nodes = new ArrayList<>();
    private boolean passed;

    @AfterEach
    void stopNodes() throws InterruptedException, IOException {
        for (Process node : nodes) {
            node.destroyForcibly();
        }
        for (Process node : nodes) {
            node.waitFor(10, TimeUnit.SECONDS);
        }
        if (passed) {
            return;
        }
        // the nodes' own words, for a failure's report
        for (String host : List.of("co", "w1", "w2")) {
            for (String stream : List.of(".out", ".err")) {
                Path log = dir.resolve(host + stream);
                if (Files.exists(log)) {
                    List<String> lines = Files.readAllLines(log);
                    System.err.println("--- " + host + stream);
                    lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(System.err::println);
                }
            }
        }
    }

    @Test
    void aWorkerCutOffLongerThanTheFailureTimeoutIsRemovedAndNoCellIsLost() throws Exception {
        String unavailable = NetworkNamespaces.unavailable();
        Assumptions.assumeTrue(unavailable == null, () -> "no network namespaces here: " + unavailable);
        Path file = SweepFixturesAccess.scenarioWithSweep(dir, SWEEP);

        try (NetworkNamespaces hosts = new NetworkNamespaces()) {
            String coordinatorHost = hosts.host("co", 1);
            String victimHost = hosts.host("w1", 2);
            String survivorHost = hosts.host("w2", 3);
            String join = coordinatorHost + ":2552";
            Process coordinator = start(
                    hosts,
                    "co",
                    "sweep",
                    file.toString(),
                    "--cluster",
                    "--bind",
                    join,
                    "--failure-timeout",
                    TIMEOUT,
                    "--out",
                    dir.resolve("out").toString());
            long listening = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!hosts.listening("co", 2552) && coordinator.isAlive() && System.nanoTime() < listening) {
                Thread.sleep(100);
            }
            assertThat(hosts.listening("co", 2552))
                    .as("the coordinator listens")
                    .isTrue();
            Path victimRuns = dir.resolve("victim-runs");
            Process victim = start(hosts, "w1", worker(join, victimHost, "--keep-runs", victimRuns.toString()));
            Process survivor = start(hosts, "w2", worker(join, survivorHost));

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!hasARun(victimRuns) && victim.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(hasARun(victimRuns)).as("the victim ran a cell").isTrue();
            assertThat(coordinator.isAlive()).as("the sweep is still going").isTrue();
            hosts.link("w1", false);
            Thread.sleep(20_000); // 2.5 failure timeouts
            hosts.link("w1", true);

            assertThat(coordinator.waitFor(150, TimeUnit.SECONDS))
                    .as("the sweep finishes")
                    .isTrue();
            String coordinatorOut = Files.readString(dir.resolve("co.out"));
            assertThat(coordinator.exitValue())
                    .as(coordinatorOut + Files.readString(dir.resolve("co.err")))
                    .isZero();
            assertThat(coordinatorOut).contains("8 ok, 0 failed").contains("report");
            try (SweepStore store = SweepStore.open(dir.resolve("out/sweep.duckdb"))) {
                assertThat(store.cellRowsAndIds()).containsExactly(8, 8);
                assertThat(store.cells()).allSatisfy(c -> assertThat(c.status()).isEqualTo(CellResult.OK));
                assertThat(store.cells().stream().map(SweepStore.StoredCell::worker))
                        .as("the survivor ran the cells the victim could not report")
                        .contains("pekko://" + ClusterSettings.SYSTEM + "@" + survivorHost + ":2552");
            }

            assertThat(victim.waitFor(30, TimeUnit.SECONDS))
                    .as("the victim stops")
                    .isTrue();
            String victimErr = Files.readString(dir.resolve("w1.err"));
            assertThat(victim.exitValue()).as(victimErr).isEqualTo(1);
            assertThat(victimErr)
                    .contains("error: lost the coordinator at " + join)
                    .contains("removed from the cluster");
            assertThat(Files.readString(dir.resolve("w1.out"))).doesNotContain(" done");

            assertThat(survivor.waitFor(30, TimeUnit.SECONDS))
                    .as("the survivor stops")
                    .isTrue();
            assertThat(survivor.exitValue())
                    .as(Files.readString(dir.resolve("w2.err")))
                    .isZero();
            assertThat(Files.readString(dir.resolve("w2.out"))).contains(" done");
            passed = true;
        }
    }

    private static String[] worker(String join, String host, String... more) {
        return Stream.concat(
                        Stream.of(
                                "worker",
                                "--join",
                                join,
                                "--bind",
                                host + ":2552",
                                "--parallelism",
                                "1",
                                "--failure-timeout",
                                TIMEOUT),
                        Stream.of(more))
                .toArray(String[]::new);
    }

    private Process start(NetworkNamespaces hosts, String host, String... args) throws IOException {
        Process process = new ProcessBuilder(ClusterCli.javaCommand(hosts.on(host), dir.resolve(host + "-tmp"), args))
                .redirectOutput(dir.resolve(host + ".out").toFile())
                .redirectError(dir.resolve(host + ".err").toFile())
                .start();
        nodes.add(process);
        return process;
    }

    private static boolean hasARun(Path runs) throws IOException {
        if (!Files.isDirectory(runs)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(runs)) {
            return entries.findAny().isPresent();
        }
    }
}

package org.mercato.scenarios.sweep.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.sweep.Cell;
import org.mercato.scenarios.sweep.CellResult;
import org.mercato.scenarios.sweep.CellRunner;
import org.mercato.scenarios.sweep.CodeVersion;
import org.mercato.scenarios.sweep.LocalExecutor;
import org.mercato.scenarios.sweep.SweepListener;
import org.mercato.scenarios.sweep.SweepPlan;
import org.mercato.scenarios.sweep.SweepRun;
import org.mercato.scenarios.sweep.SweepSpec;
import org.mercato.scenarios.sweep.SweepStore;

/**
 * The proof on loopback: a coordinator in this JVM, two worker JVMs started with the real CLI; one
 * worker is killed with SIGKILL right after it was handed its second cell. Every cell must still be
 * stored exactly once, and the results must equal a local run of the same sweep cell by cell.
 */
class ClusterSweepTest {
    private static final String SWEEP = ClusterCli.sweep("1, 2, 3, 4", 2);

    @TempDir
    Path dir;

    private final List<Process> workers = new ArrayList<>();

    @AfterEach
    void stopWorkers() {
        workers.forEach(Process::destroyForcibly);
    }

    @Test
    void aWorkerKilledMidSweepLosesNoCellAndResultsEqualALocalRun() throws Exception {
        Path file = org.mercato.scenarios.sweep.SweepFixturesAccess.scenarioWithSweep(dir, SWEEP);
        SweepPlan plan = SweepPlan.of(SweepSpec.load(file), PolicyRegistry.builtIn(), CodeVersion.current());
        assertThat(plan.cells()).hasSize(16);

        int coordinatorPort = freePort();
        int victimPort = freePort();
        int survivorPort = freePort();
        HostPort bind = new HostPort("127.0.0.1", coordinatorPort);
        String victimAddress = "pekko://" + ClusterSettings.SYSTEM + "@127.0.0.1:" + victimPort;

        Map<String, AtomicInteger> assignedTo = new ConcurrentHashMap<>();
        AtomicBoolean killed = new AtomicBoolean();
        List<String> victimCells = Collections.synchronizedList(new ArrayList<>());
        Process[] victim = new Process[1];
        SweepListener killer = new SweepListener() {
            @Override
            public void assigned(Cell cell, String worker) {
                int n = assignedTo
                        .computeIfAbsent(worker, w -> new AtomicInteger())
                        .incrementAndGet();
                if (worker.equals(victimAddress)) {
                    victimCells.add(cell.id());
                    if (n == 2 && killed.compareAndSet(false, true)) {
                        victim[0].destroyForcibly();
                    }
                }
            }
        };
        ClusterExecutor executor = new ClusterExecutor(bind, Duration.ofSeconds(5), plan.codeVersion(), killer);
        Path clusterDb = dir.resolve("cluster/sweep.duckdb");
        CompletableFuture<SweepRun.Outcome> sweep = CompletableFuture.supplyAsync(() -> {
            try {
                return SweepRun.run(plan, clusterDb, false, executor, SweepListener.NONE);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(executor.address().get(30, TimeUnit.SECONDS))
                .isEqualTo("pekko://" + ClusterSettings.SYSTEM + "@127.0.0.1:" + coordinatorPort);
        victim[0] = startWorker(coordinatorPort, victimPort, "victim");
        Process survivor = startWorker(coordinatorPort, survivorPort, "survivor");

        SweepRun.Outcome outcome = sweep.get(120, TimeUnit.SECONDS);
        assertThat(killed).as("the victim was killed mid-sweep").isTrue();
        assertThat(executor.stats().reassigned.get())
                .as("cells handed out again")
                .isGreaterThanOrEqualTo(1);
        assertThat(outcome).isEqualTo(new SweepRun.Outcome(16, 0, 16, 0, 0));
        assertThat(survivor.waitFor(30, TimeUnit.SECONDS))
                .as("the survivor stops when the sweep is done")
                .isTrue();
        assertThat(survivor.exitValue()).isZero();
        assertBoundToLoopbackOnly(coordinatorPort);

        Path localDb = dir.resolve("local/sweep.duckdb");
        SweepRun.run(
                plan,
                localDb,
                false,
                new LocalExecutor(new CellRunner(PolicyRegistry.builtIn(), null, "local"), 2, SweepListener.NONE),
                SweepListener.NONE);
        try (SweepStore cluster = SweepStore.open(clusterDb);
                SweepStore local = SweepStore.open(localDb)) {
            assertThat(cluster.cellRowsAndIds()).containsExactly(16, 16);
            assertThat(cluster.cells()).allSatisfy(c -> assertThat(c.status()).isEqualTo(CellResult.OK));
            String lostCell = victimCells.get(1);
            assertThat(cluster.cells().stream().filter(c -> c.id().equals(lostCell)))
                    .singleElement()
                    .satisfies(c -> assertThat(c.worker()).isNotEqualTo(victimAddress));
            assertThat(cluster.metrics()).hasSize(16).isEqualTo(local.metrics());
        }
    }

    private Process startWorker(int coordinatorPort, int port, String name) throws IOException {
        Process p = new ProcessBuilder(ClusterCli.javaCommand(
                        List.of(),
                        dir.resolve(name + "-tmp"),
                        "worker",
                        "--join",
                        "127.0.0.1:" + coordinatorPort,
                        "--bind",
                        "127.0.0.1:" + port,
                        "--parallelism",
                        "1",
                        "--failure-timeout",
                        "5s"))
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile())
                .start();
        workers.add(p);
        return p;
    }

    /** Nothing answers on the coordinator's port at this host's other addresses. */
    private static void assertBoundToLoopbackOnly(int port) throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address.isLoopbackAddress() || address.isLinkLocalAddress()) {
                    continue;
                }
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(address, port), 500);
                    throw new AssertionError("the coordinator's port answers on " + address);
                } catch (IOException expected) {
                    // refused: bound to 127.0.0.1 only
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

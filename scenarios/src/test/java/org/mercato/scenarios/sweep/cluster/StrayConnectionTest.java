package org.mercato.scenarios.sweep.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.scenarios.sweep.CellResult;
import org.mercato.scenarios.sweep.SweepFixturesAccess;
import org.mercato.scenarios.sweep.SweepStore;
import org.slf4j.LoggerFactory;

/**
 * Anything can connect to a coordinator's port. Connections that send junk framed like Pekko traffic
 * (Pekko's and Akka's magic bytes, and this cluster's own) during a sweep must neither flood the log
 * (artery's decoder logs each bad frame) nor change the sweep's outcome.
 */
class StrayConnectionTest {
    private static final String SWEEP = ClusterCli.sweep("1, 2", 1);

    @TempDir
    Path dir;

    @Test
    void junkConnectionsDuringASweepLeaveItsOutcomeAndAFewLogLines() throws Exception {
        Path file = SweepFixturesAccess.scenarioWithSweep(dir, SWEEP);
        int port = ClusterCli.freePort();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try {
            CompletableFuture<ClusterCli.Result> sweep = ClusterCli.inProcess(
                    "sweep",
                    file.toString(),
                    "--cluster",
                    "--bind",
                    "127.0.0.1:" + port,
                    "--failure-timeout",
                    "10s",
                    "--out",
                    dir.resolve("out").toString());
            // Pekko's and Akka's magic: a stray node of another cluster; 131,072 tiny frames each
            CompletableFuture<Void> pekko = junk(port, "PEKK", 2, 1 << 17);
            CompletableFuture<Void> akka = junk(port, "AKKA", 1, 1 << 17);
            // this cluster's magic: passes the first check, then every frame fails to decode
            CompletableFuture<Void> own = junk(port, ClusterSettings.TCP_MAGIC, 2, 20_000);
            CompletableFuture.allOf(pekko, akka, own).get(60, TimeUnit.SECONDS);
            CompletableFuture<ClusterCli.Result> worker = ClusterCli.inProcess(
                    "worker", "--join", "127.0.0.1:" + port, "--parallelism", "2", "--failure-timeout", "10s");

            ClusterCli.Result result = sweep.get(90, TimeUnit.SECONDS);
            assertThat(result.code()).as(result.err()).isZero();
            assertThat(result.out()).contains("4 ok, 0 failed").contains("1 worker,");
            assertThat(dir.resolve("out/sweep-report.html")).exists();
            assertThat(Files.list(dir.resolve("out/export")).count()).isPositive();
            try (SweepStore store = SweepStore.open(dir.resolve("out/sweep.duckdb"))) {
                assertThat(store.cellRowsAndIds()).containsExactly(4, 4);
                assertThat(store.cells()).allSatisfy(c -> assertThat(c.status()).isEqualTo(CellResult.OK));
            }
            ClusterCli.Result workerResult = worker.get(30, TimeUnit.SECONDS);
            assertThat(workerResult.code()).as(workerResult.err()).isZero();
        } finally {
            root.detachAppender(logs);
        }
        List<ILoggingEvent> pekkoLines = List.copyOf(logs.list).stream()
                .filter(e -> e.getLoggerName().startsWith("org.apache.pekko"))
                .toList();
        assertThat(pekkoLines)
                .as("Pekko's log lines (the old code logged one per junk frame)")
                .hasSizeLessThan(60);
        assertThat(List.copyOf(logs.list).stream()
                        .filter(e -> e.getLoggerName().equals(ThrottledPekkoLogFilter.class.getName()))
                        .map(ILoggingEvent::getFormattedMessage))
                .as("the throttle says it counted lines instead of printing them")
                .anySatisfy(line -> assertThat(line).contains("counting further ones"));
    }

    /** Connects (retrying until the coordinator listens), sends {@code magic}, a stream id and tiny junk frames. */
    private static CompletableFuture<Void> junk(int port, String magic, int streamId, int frames) {
        return CompletableFuture.runAsync(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
                    OutputStream out = socket.getOutputStream();
                    out.write(magic.getBytes(StandardCharsets.US_ASCII));
                    out.write(streamId);
                    ByteBuffer block = ByteBuffer.allocate(8 * 8192).order(ByteOrder.LITTLE_ENDIAN);
                    while (block.hasRemaining()) {
                        block.putInt(4).put(new byte[] {1, 2, 3, 4});
                    }
                    for (int sent = 0; sent < frames; sent += 8192) {
                        out.write(block.array());
                    }
                    out.flush();
                    return;
                } catch (IOException e) {
                    if (e.getMessage() != null && !e.getMessage().contains("refused")) {
                        return; // the coordinator closed the connection: it turned the junk away
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the coordinator never listened on " + port, e);
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        });
    }
}

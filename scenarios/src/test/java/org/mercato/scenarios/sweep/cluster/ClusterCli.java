package org.mercato.scenarios.sweep.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.mercato.scenarios.cli.MercatoCli;
import picocli.CommandLine;

/** Runs {@code mercato} commands of a cluster sweep in this JVM (on their own thread) or as a separate JVM. */
final class ClusterCli {
    private ClusterCli() {}

    record Result(int code, String out, String err) {}

    /**
     * The cluster tests' sweep file: a grid of {@code inquiries} (a YAML list's items) by two
     * search mechanisms, with {@code replicates} seeds per point.
     */
    static String sweep(String inquiries, int replicates) {
        return String.join(
                "\n",
                "design: grid",
                "factors:",
                "  agents.assistants[0].params.inquiries: [" + inquiries + "]",
                "  market.search.mechanism: [simple, lexical]",
                "replicates: " + replicates);
    }

    static CompletableFuture<Result> inProcess(String... args) {
        return CompletableFuture.supplyAsync(
                () -> {
                    StringWriter out = new StringWriter();
                    StringWriter err = new StringWriter();
                    CommandLine cli = MercatoCli.commandLine();
                    cli.setOut(new PrintWriter(out, true));
                    cli.setErr(new PrintWriter(err, true));
                    int code = cli.execute(args);
                    return new Result(code, out.toString(), err.toString());
                },
                runnable -> {
                    Thread thread = new Thread(runnable, "mercato-" + args[0]);
                    thread.setDaemon(true);
                    thread.start();
                });
    }

    /**
     * The command line of a separate JVM running {@code mercato args}, prefixed by {@code prefix}
     * (such as ip netns exec), with its temporary files in {@code scratch} (created here): a JVM the
     * test kills leaves there what it would have deleted at its exit, such as the 57 MB native
     * library DuckDB's driver unpacks from its jar, and the test's folder takes it away.
     */
    static List<String> javaCommand(List<String> prefix, Path scratch, String... args) throws IOException {
        Files.createDirectories(scratch);
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return Stream.of(
                        prefix.stream(),
                        Stream.of(
                                java,
                                "-Xmx256m",
                                "-XX:+UseSerialGC",
                                "-XX:TieredStopAtLevel=1",
                                "-Dmercato.scenarios=" + Path.of("").toAbsolutePath(),
                                "-Djava.io.tmpdir=" + scratch.toAbsolutePath(),
                                "-cp",
                                classpath,
                                MercatoCli.class.getName()),
                        Stream.of(args))
                .flatMap(s -> s)
                .toList();
    }

    /** Waits (at most 60 s) until something accepts connections on the loopback port, or the process died. */
    static void awaitListening(int port, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException(
                "nothing listens on port " + port + " (process alive: " + process.isAlive() + ")");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

package org.mercato.scenarios.cli;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.load.ScenarioException;
import org.mercato.scenarios.sweep.CodeVersion;
import org.mercato.scenarios.sweep.cluster.HostPort;
import org.mercato.scenarios.sweep.cluster.WorkerNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mercato worker --join HOST:PORT [--bind HOST:PORT] [--parallelism N]}: runs cells of a cluster sweep. */
@Command(
        name = "worker",
        mixinStandardHelpOptions = true,
        versionProvider = MercatoCli.Version.class,
        description = {
            "Join a sweep coordinator ('mercato sweep FILE --cluster --bind HOST:PORT') and run the cells it hands"
                    + " out until the sweep is done.",
            "Every node must run the same build: the coordinator refuses a worker with another code version."
        })
final class WorkerCommand extends CliCommand {
    @Option(names = "--join", required = true, paramLabel = "HOST:PORT", description = "The coordinator's address.")
    String join;

    @Option(
            names = "--bind",
            paramLabel = "HOST:PORT",
            description = "This worker's address (default: 127.0.0.1:0 when joining a loopback address, else the"
                    + " address this host reaches the coordinator from, port 0: a free port).")
    String bind;

    @Option(
            names = "--parallelism",
            paramLabel = "N",
            description = "Cells run at once on this worker (default: the number of cores).")
    Integer parallelism;

    @Option(
            names = "--keep-runs",
            paramLabel = "DIR",
            description = "Keep each cell's run folder under DIR/<cell id>/.")
    Path keepRuns;

    @Option(
            names = "--failure-timeout",
            paramLabel = "DURATION",
            defaultValue = "10s",
            description = "How long the coordinator may be unreachable (or take to answer the first join) before"
                    + " this node gives up on it and exits with code 1 (default: ${DEFAULT-VALUE}).")
    String failureTimeout;

    @Override
    int execute() throws Exception {
        HostPort joinAt = SweepCommand.hostPort("--join", join);
        HostPort bindAt = bind != null ? SweepCommand.hostPort("--bind", bind) : defaultBind(joinAt);
        if (parallelism != null && parallelism < 1) {
            throw new ScenarioException("--parallelism", "must be at least 1, was " + parallelism);
        }
        int slots = parallelism != null ? parallelism : Runtime.getRuntime().availableProcessors();
        // bind SLF4J before Pekko starts logging from its own threads
        org.slf4j.LoggerFactory.getILoggerFactory();
        WorkerNode node = WorkerNode.start(
                bindAt,
                joinAt,
                slots,
                SweepCommand.duration("--failure-timeout", failureTimeout),
                PolicyRegistry.withPlugins(),
                keepRuns,
                CodeVersion.current());
        out().println("worker " + node.address() + " joining " + joinAt + " with " + slots + " slots");
        out().flush();
        node.whenDone().toCompletableFuture().get();
        return switch (node.ending()) {
            case SWEEP_DONE -> {
                out().println("worker " + node.address() + " done");
                out().flush();
                yield OK;
            }
            case REFUSED -> error(FAILED, "the coordinator refused this worker: " + node.refusal());
            case NEVER_JOINED ->
                error(
                        FAILED,
                        "could not join the coordinator at " + joinAt + " within --failure-timeout " + failureTimeout
                                + "; is 'mercato sweep --cluster' running there and reachable from this host?");
            case REMOVED ->
                error(
                        FAILED,
                        "lost the coordinator at " + joinAt + " before it said the sweep was done: this worker was"
                                + " removed from the cluster (the coordinator stopped, or this worker was cut off from it"
                                + " for longer than --failure-timeout " + failureTimeout
                                + "); the coordinator hands its unfinished cells to other workers");
        };
    }

    /**
     * Loopback for a loopback coordinator; else the local address this host uses to reach the
     * coordinator (a connected UDP socket sends nothing but picks the route), which is right in a
     * container and on a cluster node where the host name may resolve to 127.0.1.1.
     */
    private static HostPort defaultBind(HostPort join) throws IOException {
        InetAddress target = InetAddress.getByName(join.host());
        if (target.isLoopbackAddress()) {
            return new HostPort("127.0.0.1", 0);
        }
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(target, Math.max(1, join.port()));
            InetAddress local = probe.getLocalAddress();
            if (local != null && !local.isAnyLocalAddress()) {
                return new HostPort(local.getHostAddress(), 0);
            }
        }
        return new HostPort(InetAddress.getLocalHost().getHostAddress(), 0);
    }
}

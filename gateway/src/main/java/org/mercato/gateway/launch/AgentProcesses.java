package org.mercato.gateway.launch;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mercato.gateway.turns.ExternalGroup;
import org.mercato.gateway.turns.TurnDesk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processes that drive external groups: one per group that names an {@code external.command},
 * started in the scenario file's folder with the gateway's URL, the group's token and agent ids in
 * its environment, its output in {@code <run folder>/agents-<group>.log}. A process that exits while
 * the market runs ends its group's agents ({@link TurnDesk#gone}); at the end every process and its
 * children are stopped (terminate, then kill after a grace period), and a JVM shutdown (Ctrl-C) stops
 * them too, so no agent outlives its run.
 */
public final class AgentProcesses implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentProcesses.class);
    private static final Duration GRACE = Duration.ofSeconds(5);

    /** One group's command and the folder it runs in (the scenario file's folder). */
    public record Launch(ExternalGroup group, String command, Path workingDirectory) {}

    private record Started(ExternalGroup group, Process process) {}

    private final List<Started> started = new ArrayList<>();
    private final Duration grace;
    private final Thread shutdownHook = new Thread(this::stopAll, "mercato-agent-processes-stop");
    private volatile boolean stopping;

    private AgentProcesses(Duration grace) {
        this.grace = grace;
    }

    /** Starts every launch; throws {@link AgentLaunchException} (after stopping those started) if one cannot start. */
    public static AgentProcesses start(List<Launch> launches, URI gateway, Path runFolder, TurnDesk desk) {
        return start(launches, gateway, runFolder, desk, GRACE);
    }

    static AgentProcesses start(List<Launch> launches, URI gateway, Path runFolder, TurnDesk desk, Duration grace) {
        AgentProcesses processes = new AgentProcesses(grace);
        try {
            for (Launch launch : launches) {
                processes.launch(launch, gateway, runFolder, desk);
            }
        } catch (RuntimeException e) {
            processes.close();
            throw e;
        }
        if (!processes.started.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(processes.shutdownHook);
        }
        return processes;
    }

    /** The log file of a group's process in the run folder. */
    public static Path logFile(Path runFolder, String group) {
        return runFolder.resolve("agents-" + group.replaceAll("[^A-Za-z0-9._-]", "-") + ".log");
    }

    /** The running processes (their children not included), in launch order. */
    public List<ProcessHandle> handles() {
        return started.stream().map(s -> s.process().toHandle()).toList();
    }

    private void launch(Launch launch, URI gateway, Path runFolder, TurnDesk desk) {
        ExternalGroup group = launch.group();
        List<String> words;
        try {
            words = CommandLine.split(launch.command());
        } catch (IllegalArgumentException e) {
            throw new AgentLaunchException("external group " + group.name() + ": " + e.getMessage());
        }
        Path log = logFile(runFolder, group.name());
        ProcessBuilder builder = new ProcessBuilder(words)
                .directory(launch.workingDirectory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        Map<String, String> env = builder.environment();
        env.put("MERCATO_GATEWAY_URL", gateway.toString());
        env.put("MERCATO_TOKEN", group.token());
        env.put("MERCATO_AGENTS", String.join(",", group.agentIds()));
        env.put("MERCATO_ROLE", group.role().name().toLowerCase(java.util.Locale.ROOT));
        env.put("MERCATO_GROUP", group.name());
        // a Python agent's output reaches its log file as it is printed, not when the buffer fills
        env.putIfAbsent("PYTHONUNBUFFERED", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AgentLaunchException("external group " + group.name() + ": cannot start '" + launch.command()
                    + "' in " + launch.workingDirectory() + ": " + rootMessage(e));
        }
        started.add(new Started(group, process));
        LOG.info(
                "started the agents of group {} (pid {}): {}; output in {}",
                group.name(),
                process.pid(),
                launch.command(),
                log);
        process.onExit().thenAccept(exited -> {
            if (!stopping && !desk.ended()) {
                String why = "exited with code " + exited.exitValue();
                LOG.warn("the agent process of group {} {} before the market ended (see {})", group.name(), why, log);
                desk.gone(group, why);
            }
        });
    }

    /** Stops every process and its children: terminate, then kill what is still alive after the grace period. */
    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException alreadyShuttingDownOrNeverAdded) {
            // nothing to remove
        }
    }

    private synchronized void stopAll() {
        stopping = true;
        List<ProcessHandle> all = new ArrayList<>();
        for (Started s : started) {
            // children first captured: once their parent dies they are re-parented and no longer listed
            s.process().descendants().forEach(all::add);
            all.add(s.process().toHandle());
        }
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : all) {
            long left = deadline - System.nanoTime();
            if (!awaitExit(handle, Math.max(0, left))) {
                LOG.warn("agent process {} did not stop within {} s: killing it", handle.pid(), grace.toSeconds());
                handle.destroyForcibly();
                awaitExit(handle, TimeUnit.SECONDS.toNanos(2));
            }
        }
        started.forEach(
                s -> LOG.info("agent process of group {} stopped", s.group().name()));
        started.clear();
    }

    /** Polls: {@code onExit()} of a process that is not our child is itself polled by the JDK, slowly. */
    private static boolean awaitExit(ProcessHandle handle, long nanos) {
        long deadline = System.nanoTime() + nanos;
        while (handle.isAlive()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !handle.isAlive();
            }
        }
        return true;
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}

package org.mercato.gateway.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.gateway.turns.ExternalGroup;
import org.mercato.gateway.turns.TurnDesk;

/**
 * Agent processes get the gateway's address, their token and agents in the environment, run in the
 * scenario's folder, write to the run folder's log, and are gone (children too) once stopped.
 * Uses {@code sh} and {@code sleep}: POSIX machines only, as CI is.
 */
class AgentProcessesTest {
    static final URI GATEWAY = URI.create("http://127.0.0.1:4711/");

    @TempDir
    Path dir;

    static ExternalGroup group(String name) {
        return new ExternalGroup(
                name, ExternalGroup.Role.ASSISTANT, List.of("c1", "c2"), "tok-" + name, Duration.ofSeconds(5));
    }

    private Path scenarioFolder() throws IOException {
        return Files.createDirectories(dir.resolve("scenario folder"));
    }

    private Path runFolder() throws IOException {
        return Files.createDirectories(dir.resolve("run"));
    }

    @Test
    void theProcessSeesTheGatewayItsTokenAndAgentsInTheScenarioFolder() throws Exception {
        TurnDesk desk = new TurnDesk();
        ExternalGroup shoppers = group("shoppers");
        desk.register(shoppers);
        Path scenario = scenarioFolder();
        Files.writeString(
                scenario.resolve("agent.sh"),
                "echo \"$MERCATO_GATEWAY_URL|$MERCATO_TOKEN|$MERCATO_AGENTS|"
                        + "$MERCATO_ROLE|$MERCATO_GROUP|$(pwd)|$1\"\necho oops >&2\n");
        Path run = runFolder();
        try (AgentProcesses processes = AgentProcesses.start(
                List.of(new AgentProcesses.Launch(shoppers, "sh agent.sh 'two words'", scenario)),
                GATEWAY,
                run,
                desk)) {
            processes.handles().get(0).onExit().get();
        }
        assertThat(Files.readAllLines(run.resolve("agents-shoppers.log")))
                .containsExactly(
                        "http://127.0.0.1:4711/|tok-shoppers|c1,c2|assistant|shoppers|" + scenario.toRealPath()
                                + "|two words",
                        "oops");
    }

    @Test
    void stoppingEndsTheProcessAndItsChildrenNoOrphanRemains() throws Exception {
        TurnDesk desk = new TurnDesk();
        ExternalGroup shoppers = group("shoppers");
        desk.register(shoppers);
        // a shell that starts a child and waits: stopping the shell alone would orphan the sleep
        AgentProcesses processes = AgentProcesses.start(
                List.of(new AgentProcesses.Launch(
                        shoppers, "sh -c 'sleep 300 & echo started; wait'", scenarioFolder())),
                GATEWAY,
                runFolder(),
                desk,
                Duration.ofSeconds(2));
        ProcessHandle shell = processes.handles().get(0);
        List<ProcessHandle> children = awaitChildren(shell);

        processes.close();

        assertThat(shell.isAlive()).isFalse();
        assertThat(children).isNotEmpty().noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void aProcessThatIgnoresTerminationIsKilledAfterTheGracePeriod() throws Exception {
        TurnDesk desk = new TurnDesk();
        ExternalGroup shoppers = group("shoppers");
        desk.register(shoppers);
        Path run = runFolder();
        AgentProcesses processes = AgentProcesses.start(
                List.of(new AgentProcesses.Launch(
                        shoppers,
                        "sh -c 'trap \"\" TERM; echo ready; while true; do sleep 0.05; done'",
                        scenarioFolder())),
                GATEWAY,
                run,
                desk,
                Duration.ofMillis(300));
        ProcessHandle shell = processes.handles().get(0);
        awaitLog(run.resolve("agents-shoppers.log"), "ready");
        long start = System.nanoTime();

        processes.close();

        assertThat(shell.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }

    @Test
    void aCommandThatCannotStartIsAOneLineErrorNamingTheGroup() throws Exception {
        TurnDesk desk = new TurnDesk();
        ExternalGroup shoppers = group("shoppers");
        desk.register(shoppers);
        Path scenario = scenarioFolder();
        Path run = runFolder();
        assertThatThrownBy(() -> AgentProcesses.start(
                        List.of(new AgentProcesses.Launch(shoppers, "no-such-program-mercato --x", scenario)),
                        GATEWAY,
                        run,
                        desk))
                .isInstanceOf(AgentLaunchException.class)
                .hasMessageStartingWith(
                        "external group shoppers: cannot start 'no-such-program-mercato --x' in " + scenario)
                .message()
                .doesNotContain("\n");
        assertThatThrownBy(() -> AgentProcesses.start(
                        List.of(new AgentProcesses.Launch(shoppers, "python3 'agent.py", scenario)),
                        GATEWAY,
                        run,
                        desk))
                .hasMessage("external group shoppers: external.command has an unclosed ': python3 'agent.py");
    }

    @Test
    void theLogFileNameKeepsOnlySafeCharactersOfTheGroupName() {
        assertThat(AgentProcesses.logFile(Path.of("run"), "assistants[0]/x y"))
                .isEqualTo(Path.of("run", "agents-assistants-0--x-y.log"));
    }

    static List<ProcessHandle> awaitChildren(ProcessHandle parent) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            List<ProcessHandle> children = parent.descendants().toList();
            if (!children.isEmpty()) {
                return children;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the process started no child");
    }

    static void awaitLog(Path log, String text) throws Exception {
        for (int i = 0; i < 1000; i++) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no '" + text + "' in " + log);
    }
}

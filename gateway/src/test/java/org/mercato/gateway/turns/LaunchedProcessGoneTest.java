package org.mercato.gateway.turns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.gateway.launch.AgentProcesses;

/**
 * An agent process that exits while the market runs ends its group's open turn as gone, with its
 * exit code (tested here, in the package that can open a turn as a policy does); one stopped at the
 * end does not.
 */
class LaunchedProcessGoneTest {
    @TempDir
    Path dir;

    final ExternalGroup shoppers =
            new ExternalGroup("shoppers", ExternalGroup.Role.ASSISTANT, List.of("c1"), "tok", Duration.ofSeconds(20));

    @Test
    void aProcessThatExitsEarlyEndsTheOpenTurnAsGoneWithItsExitCode() throws Exception {
        TurnDesk desk = new TurnDesk();
        desk.register(shoppers);
        CompletableFuture<TurnOutcome> outcome = CompletableFuture.supplyAsync(() -> take(desk));
        try (AgentProcesses processes = AgentProcesses.start(
                List.of(new AgentProcesses.Launch(shoppers, "sh -c 'sleep 0.2; exit 3'", dir)),
                URI.create("http://127.0.0.1:1/"),
                dir,
                desk)) {
            assertThat(outcome.get()).isEqualTo(new TurnOutcome.Gone("exited with code 3"));
            assertThat(processes.handles()).noneMatch(ProcessHandle::isAlive);
        }
    }

    @Test
    void aProcessStoppedAtTheEndIsNotGone() throws Exception {
        TurnDesk desk = new TurnDesk();
        desk.register(shoppers);
        AgentProcesses processes = AgentProcesses.start(
                List.of(new AgentProcesses.Launch(shoppers, "sleep 30", dir)),
                URI.create("http://127.0.0.1:1/"),
                dir,
                desk);
        processes.close();
        Thread.sleep(100);
        CompletableFuture<TurnOutcome> outcome = CompletableFuture.supplyAsync(() -> take(desk));
        Thread.sleep(200);
        assertThat(outcome).isNotDone();
        desk.answer("c1", 0, List.of());
        assertThat(outcome.get()).isInstanceOf(TurnOutcome.Answered.class);
    }

    private static TurnOutcome take(TurnDesk desk) {
        try {
            return desk.take("c1", 0, 0, List.of(), actions -> List.of());
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

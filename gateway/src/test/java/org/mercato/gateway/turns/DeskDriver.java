package org.mercato.gateway.turns;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.mercato.gateway.wire.WireCodec;
import org.mercato.gateway.wire.WireContext;

/**
 * Plays the kernel's side of a {@link TurnDesk} in tests of the servers: opens a turn as an external
 * policy would (on its own thread) and tells how it ended.
 */
public final class DeskDriver implements AutoCloseable {
    private final TurnDesk desk;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "desk-driver");
        thread.setDaemon(true);
        return thread;
    });

    public DeskDriver(TurnDesk desk) {
        this.desk = desk;
    }

    /**
     * Opens turn {@code number} of {@code agent}; the future completes with {@code answered <wire
     * actions>}, {@code timed-out} or {@code gone: <why>}.
     */
    public CompletableFuture<String> open(String agent, long number, long time, List<JsonNode> observations) {
        ExternalGroup group = desk.groupOf(agent).orElseThrow();
        TurnDecoder decoder = actions -> group.role() == ExternalGroup.Role.ASSISTANT
                ? WireCodec.assistantActions(actions, WireContext.at(time))
                : WireCodec.serviceActions(actions, WireContext.at(time));
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        TurnOutcome outcome = desk.take(agent, number, time, observations, decoder);
                        if (outcome instanceof TurnOutcome.Answered answered) {
                            return "answered " + answered.wire();
                        }
                        if (outcome instanceof TurnOutcome.Gone gone) {
                            return "gone: " + gone.why();
                        }
                        return "timed-out";
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return "interrupted";
                    }
                },
                threads);
    }

    /** Waits (up to 5 s) until the agent's turn is open on the desk, so a test's next request finds it. */
    public void awaitOpen(String agent) {
        ExternalGroup group = desk.groupOf(agent).orElseThrow();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (desk.open(group, java.util.Optional.of(agent)).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no turn of " + agent + " opened within 5 s");
            }
            sleepBriefly();
        }
    }

    /** Waits (up to 5 s) until turn {@code number} of the agent is no longer open. */
    public void awaitAnswered(String agent, long number) {
        ExternalGroup group = desk.groupOf(agent).orElseThrow();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (desk.open(group, java.util.Optional.of(agent)).stream().anyMatch(turn -> turn.number() == number)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("turn " + number + " of " + agent + " still open after 5 s");
            }
            sleepBriefly();
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}

package org.mercato.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every answered turn is timed on the server, and waiting for the market is not: a quick
 * measurement of the gateway's own time per turn over HTTP and MCP (printed for the record).
 */
class GatewayTimingTest {
    private static final int TURNS = Integer.getInteger("gateway.timing.turns", 50);

    /** Opens turn {@code turn} of a2 and, once it is answered, the next one (the first ten 20 ms late). */
    private static void openChain(GatewayFixture fixture, String observation, long turn) {
        try {
            fixture.driver
                    .open("a2", turn, turn, GatewayFixture.observations(observation))
                    .thenRunAsync(
                            () -> openChain(fixture, observation, turn + 1),
                            CompletableFuture.delayedExecutor(turn < 10 ? 20 : 0, TimeUnit.MILLISECONDS));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void eachAnsweredTurnIsTimedOnceAndTheWaitForTheNextTurnIsLeftOut() throws Exception {
        try (GatewayFixture fixture = new GatewayFixture()) {
            String started = "{\"type\":\"woken-up\",\"at\":0}";
            for (int turn = 0; turn < TURNS; turn++) {
                CompletableFuture<String> outcome =
                        fixture.driver.open("a1", turn, turn, GatewayFixture.observations(started));
                assertThat(GatewayFixture.json(fixture.get("/v1/turns?wait=5&agent=a1", GatewayFixture.SHOPPER_TOKEN))
                                .at("/turns/0/turn")
                                .asLong())
                        .isEqualTo(turn);
                assertThat(fixture.post(
                                        "/v1/turns/a1/" + turn,
                                        GatewayFixture.SHOPPER_TOKEN,
                                        "{\"actions\":[{\"type\":\"wait\",\"seconds\":1}]}")
                                .statusCode())
                        .isEqualTo(200);
                outcome.get(5, TimeUnit.SECONDS);
            }
            try (McpSyncClient client = McpClients.connect(fixture.gateway.url(), GatewayFixture.SHOPPER_TOKEN)) {
                openChain(fixture, started, 0);
                McpClients.call(client, "next_turn", Map.of("agent", "a2"));
                for (int turn = 1; turn <= TURNS; turn++) {
                    var result = McpClients.call(
                            client,
                            "act",
                            Map.of("agent", "a2", "actions", List.of(Map.of("type", "wait", "seconds", 1))));
                    assertThat(result.at("/turn/turn").asLong()).isEqualTo(turn);
                }
            }
            GatewayStats stats = fixture.gateway.stats();
            assertThat(fixture.awaitCount(RequestKind.HTTP_ANSWER, TURNS)).isEqualTo(TURNS);
            assertThat(fixture.awaitCount(RequestKind.MCP_ACTION, TURNS)).isEqualTo(TURNS);
            assertThat(stats.turnAnswers().count()).isEqualTo(2L * TURNS);
            // The first ten MCP turns waited 20 ms for the market; none of that is gateway time.
            assertThat(stats.of(RequestKind.MCP_ACTION).medianMicros()).isLessThan(20_000);
            System.out.println("gateway time per turn, HTTP answers: "
                    + stats.of(RequestKind.HTTP_ANSWER).describe());
            System.out.println("gateway time per turn, MCP action tools: "
                    + stats.of(RequestKind.MCP_ACTION).describe());
        }
    }
}

package org.mercato.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A closed gateway leaves no thread that would keep an embedding JVM alive. */
class GatewayThreadsTest {
    @Test
    void closingTheGatewayLeavesNoNonDaemonThreadBehind() throws Exception {
        Set<Thread> before = nonDaemonThreads();
        try (GatewayFixture fixture = new GatewayFixture()) {
            // an MCP session and a plain request, so every lazily started part has started
            try (var client = McpClients.connect(fixture.gateway.url(), GatewayFixture.SHOPPER_TOKEN)) {
                client.listTools();
            }
            assertThat(fixture.get("/v1/agents", GatewayFixture.SHOPPER_TOKEN).statusCode())
                    .isEqualTo(200);
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        Set<String> left;
        do {
            left = nonDaemonThreads().stream()
                    .filter(t -> !before.contains(t))
                    .map(Thread::getName)
                    .collect(Collectors.toSet());
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        assertThat(left)
                .as("non-daemon threads started by the gateway and still alive")
                .isEmpty();
    }

    private static Set<Thread> nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon())
                .collect(Collectors.toSet());
    }
}

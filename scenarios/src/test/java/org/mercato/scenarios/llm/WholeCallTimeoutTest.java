package org.mercato.scenarios.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mercato.agents.llm.LangChainProvider;
import org.mercato.agents.llm.LlmException;
import org.mercato.agents.llm.LlmMessage;
import org.mercato.agents.llm.LlmRequest;
import org.mercato.agents.llm.ProviderSettings;
import org.mercato.scenarios.run.RunResult;

/**
 * The timeout bounds a whole call, body included: a server that sends its headers and then one
 * byte now and then (JDK's request timeout stops at the headers) fails the call at the deadline,
 * for every provider kind, and the client closes the connection instead of leaving it dripping.
 */
class WholeCallTimeoutTest {
    private static final LlmRequest REQUEST =
            new LlmRequest(List.of(LlmMessage.system("s"), LlmMessage.user("u")), List.of());

    @TempDir
    Path dir;

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic", "gemini"})
    void aDrippingBodyFailsAtTheDeadlineAndItsConnectionIsClosed(String kind) throws Exception {
        try (DripServer server = new DripServer(200)) {
            ProviderSettings settings = new ProviderSettings(kind, server.url(), "drip", 0, 64, "KEY", 1, 1_000, 0, 1);
            try (LangChainProvider provider = LangChainProvider.create(settings, Map.of("KEY", LlmMarket.KEY)::get)) {
                long start = System.nanoTime();
                LlmException e = catchThrowableOfType(() -> provider.chat(REQUEST), LlmException.class);
                long took = millisSince(start);

                assertThat(e).as("the call must fail").isNotNull();
                assertThat(e.reason()).isEqualTo(kind + " drip timeout after 1s");
                assertThat(took).as("wall time of a call with timeout 1s").isBetween(900L, 2_500L);
                long failedAt = System.nanoTime();
                while (server.closedByClient().isEmpty() && millisSince(failedAt) < 3_000) {
                    Thread.sleep(20);
                }
                assertThat(server.closedByClient())
                        .as("connections the client closed")
                        .hasSize(1);
            }
        }
    }

    @Test
    void eachAttemptHasItsOwnDeadline() throws Exception {
        try (DripServer server = new DripServer(200)) {
            ProviderSettings settings =
                    new ProviderSettings("openai", server.url(), "drip", 0, 64, null, 1, 1_000, 1, 1);
            try (LangChainProvider provider = LangChainProvider.create(settings, name -> null)) {
                long start = System.nanoTime();
                LlmException e = catchThrowableOfType(() -> provider.chat(REQUEST), LlmException.class);
                long took = millisSince(start);

                assertThat(e.getMessage()).contains("timeout after 1s (attempt 2 of 2)");
                assertThat(server.connections()).isEqualTo(2);
                assertThat(took).as("two attempts of 1s and a backoff of 1ms").isBetween(1_900L, 3_500L);
            }
        }
    }

    @Test
    void agentsWhoseModelDripsEndWithLlmErrorAndATimeoutCause() throws Exception {
        try (DripServer server = new DripServer(200)) {
            RunResult result =
                    LlmMarket.run(dir, LlmMarket.load(dir, LlmMarket.yaml(server.url(), "timeout: 1s, retries: 0")));

            assertThat(LlmMarket.events(result))
                    .contains("\"agent\":\"c1\",\"reason\":\"llm-error\"")
                    .contains("\"agent\":\"c3\",\"reason\":\"llm-error\"");
            assertThat(result.summary().failures().causes())
                    .containsExactly(Map.entry("llm-error: openai scripted timeout after 1s", 3L));
            assertThat(result.summary().warnings())
                    .contains("3 agents ended with llm-error: openai scripted timeout after 1s");
            // each call was given up at its deadline (counted from before the request went out), though the
            // server would drip for two minutes
            assertThat(server.heldMillis()).hasSize(3).allMatch(millis -> millis >= 400 && millis < 2_500);
            assertThat(result.summary().wallTimeMillis())
                    .as("wall time of the simulation (a cold JVM starts Pekko in it)")
                    .isLessThan(90_000L);
        }
    }
}

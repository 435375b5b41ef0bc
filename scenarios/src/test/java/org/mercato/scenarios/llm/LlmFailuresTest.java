package org.mercato.scenarios.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.mercato.agents.llm.LlmException;
import org.mercato.agents.llm.LlmMessage;
import org.mercato.agents.llm.LlmRequest;
import org.mercato.agents.llm.OpenAiProvider;
import org.mercato.agents.llm.ProviderSettings;
import org.mercato.scenarios.run.CostInfo;
import org.mercato.scenarios.run.RunResult;

/** What happens when the model or its endpoint misbehaves: retries, give-ups, bad tool calls. */
class LlmFailuresTest extends ScriptedServerTest {
    private String baseline() throws IOException {
        var hook = model.hook;
        model.hook = (n, request) -> null;
        String events = LlmMarket.events(run(""));
        model.hook = hook;
        return events;
    }

    @Test
    void rateLimitsAreRetriedAndDoNotChangeTheOutcome() throws IOException {
        String expected = baseline();
        int before = model.requests.get();
        model.hook = (n, request) ->
                n <= before + 2 ? ScriptedModel.status(429, "{\"error\":{\"message\":\"slow down\"}}") : null;

        RunResult result = run("retries: 3");

        assertThat(LlmMarket.events(result)).isEqualTo(expected);
        // two 429s retried; requests sent ahead on wrong guesses are counted as wasted
        long calls = result.summary().cost().httpCalls();
        assertThat((long) model.requests.get() - before)
                .isBetween(calls + 2, calls + 2 + result.summary().cost().wastedCalls());
        assertThat(result.summary().cost().failedCalls()).isZero();
    }

    @Test
    void serverErrorsUntilRetriesRunOutEndTheAgentsWithLlmError() throws IOException {
        model.hook = (n, request) -> ScriptedModel.status(500, "{\"error\":{\"message\":\"down\"}}");

        RunResult result = run("retries: 2");

        String events = LlmMarket.events(result);
        for (String customer : List.of("c1", "c2", "c3")) {
            assertThat(events).contains("\"agent\":\"" + customer + "\",\"reason\":\"llm-error\"");
        }
        assertThat(model.requests.get()).isEqualTo(3 * 3);
        CostInfo cost = result.summary().cost();
        assertThat(cost.agentsEndedLlmError()).isEqualTo(3);
        assertThat(cost.failedCalls()).isEqualTo(3);
        assertThat(cost.httpCalls()).isZero();
        assertThat(Files.readString(result.folder().resolve("run.log"))).contains("3 agents ended with llm-error");
    }

    @Test
    void aTimedOutAttemptIsRetried() throws IOException {
        String expected = baseline();
        int before = model.requests.get();
        model.hook = (n, request) ->
                n == before + 1 ? ScriptedModel.answer(request).setHeadersDelay(3, TimeUnit.SECONDS) : null;

        RunResult result = run("timeout: 300ms, retries: 1");

        assertThat(LlmMarket.events(result)).isEqualTo(expected);
        assertThat(result.summary().cost().failedCalls()).isZero();
    }

    @Test
    void aConnectionDroppedWithoutAnAnswerIsRetried() throws IOException {
        String expected = baseline();
        int before = model.requests.get();
        // what a client sees when the server closes an idle keep-alive connection as a request goes out
        model.hook = (n, request) -> n <= before + 2
                ? ScriptedModel.answer(request).setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST)
                : null;

        RunResult result = run("retries: 2");

        assertThat(LlmMarket.events(result)).isEqualTo(expected);
        assertThat(result.summary().cost().failedCalls()).isZero();
        assertThat(result.summary().cost().agentsEndedLlmError()).isZero();
    }

    @Test
    void timeoutsWithoutRetriesEndTheAgent() throws IOException {
        model.hook = (n, request) -> ScriptedModel.answer(request).setHeadersDelay(3, TimeUnit.SECONDS);

        RunResult result = run("timeout: 200ms, retries: 0");

        assertThat(result.summary().cost().agentsEndedLlmError()).isEqualTo(3);
        assertThat(result.summary().cost().failedCalls()).isEqualTo(3);
        // one attempt each; a request the client gave up on before the server read it is not counted
        assertThat(model.requests.get()).isBetween(1, 3);
    }

    @Test
    void aMalformedToolCallIsAnsweredWithAnErrorAndTheModelTriesAgain() throws IOException {
        model.hook = (n, request) ->
                ScriptedModel.firstTurnOf(request, "c1") ? ScriptedModel.rawToolCall(2, "search", "{not json") : null;

        RunResult result = run("");

        String events = LlmMarket.events(result);
        assertThat(events).contains("\"agent\":\"c1\",\"reason\":\"purchased\"");
        String retry = model.bodies.stream()
                .filter(b -> b.contains("error: arguments of search are not valid JSON"))
                .findFirst()
                .orElseThrow();
        assertThat(retry).contains("{not json").contains("customer c1 ");
        assertThat(result.summary().cost().toolErrors()).isEqualTo(1);
        assertThat(result.summary().cost().agentsEndedLlmError()).isZero();
    }

    @Test
    void anUnknownToolAgainAndAgainEndsTheAgentWithLlmError() throws IOException {
        model.hook = (n, request) -> ScriptedModel.isAssistantOf(request, "c2")
                ? ScriptedModel.rawToolCall(request.path("messages").size(), "teleport", "{}")
                : null;

        RunResult result = run("maxToolErrors: 1");

        String events = LlmMarket.events(result);
        assertThat(events).contains("\"agent\":\"c2\",\"reason\":\"llm-error\"");
        assertThat(events).contains("\"agent\":\"c1\",\"reason\":\"purchased\"");
        assertThat(model.bodies.stream().filter(b -> b.contains("customer c2 ")))
                .hasSize(2);
        assertThat(model.bodies.stream().anyMatch(b -> b.contains("error: unknown tool 'teleport'")))
                .isTrue();
        CostInfo cost = result.summary().cost();
        assertThat(cost.toolErrors()).isEqualTo(2);
        assertThat(cost.agentsEndedLlmError()).isEqualTo(1);
    }

    @Test
    void aServiceWhoseProviderFailsCountsAsAFailedAgentWithItsCause() throws IOException {
        model.hook = (n, request) ->
                request.path("messages").get(0).path("content").asText().startsWith("You sell")
                        ? ScriptedModel.status(401, "{\"error\":{\"message\":\"bad key\"}}")
                        : null;

        RunResult result = run("retries: 0");

        java.util.Set<String> failedServices = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "\"type\":\"message\",\"from\":\"(s\\d)\",\"to\":\"c\\d\",\"text\":\"llm-error\"")
                .matcher(LlmMarket.events(result));
        while (m.find()) {
            failedServices.add(m.group(1));
        }
        assertThat(failedServices).isNotEmpty();
        assertThat(result.summary().failures().causes())
                .containsExactly(
                        Map.entry("llm-error: openai scripted HTTP 401 Unauthorized", (long) failedServices.size()));
    }

    @Test
    void aRejectedKeyIsNeitherRetriedNorWrittenAnywhere() throws IOException {
        String body = "{\"error\":{\"message\":\"Incorrect API key provided: " + LlmMarket.KEY + "\"}}";
        model.hook = (n, request) -> ScriptedModel.status(401, body);

        RunResult result = run("retries: 3");

        assertThat(model.requests.get()).isEqualTo(3);
        assertThat(result.summary().cost().agentsEndedLlmError()).isEqualTo(3);
        for (String file : new String[] {"events.jsonl", "summary.json", "run.log"}) {
            assertThat(Files.readString(result.folder().resolve(file))).doesNotContain(LlmMarket.KEY);
        }

        ProviderSettings settings = new ProviderSettings(
                "openai", server.url("/v1").toString(), "scripted", 0, 64, "KEY_VAR", 1, 5_000, 3, 1);
        OpenAiProvider provider = new OpenAiProvider(settings, Map.of("KEY_VAR", LlmMarket.KEY)::get);
        LlmRequest request = new LlmRequest(List.of(LlmMessage.system("s"), LlmMessage.user("u")), List.of());
        assertThatThrownBy(() -> provider.chat(request))
                .isInstanceOf(LlmException.class)
                .satisfies(e -> {
                    assertThat(((LlmException) e).status()).isEqualTo(401);
                    assertThat(e.getMessage()).contains("HTTP 401").doesNotContain(LlmMarket.KEY);
                    assertThat(e.getCause()).isNull();
                    assertThat(e.toString()).doesNotContain(LlmMarket.KEY);
                });
    }
}

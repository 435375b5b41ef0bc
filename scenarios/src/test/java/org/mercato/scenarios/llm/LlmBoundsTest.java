package org.mercato.scenarios.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mercato.scenarios.load.ScenarioException;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.run.CostInfo;
import org.mercato.scenarios.run.RunResult;

/**
 * Models that never say done: every LLM agent ends at a bound (per agent, or the run's) after at
 * most the bound's number of calls, with a {@code limit:} reason; out-of-range tool arguments are
 * refused rather than wrapped; the default bounds change nothing in a normal run; and a run cut by
 * a run-wide bound replays byte for byte.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LlmBoundsTest extends ScriptedServerTest {
    private static MockResponse call(JsonNode request, String tool, String arguments) {
        return ScriptedModel.rawToolCall(request.path("messages").size(), tool, arguments);
    }

    private static MockResponse messageNobody(JsonNode request) {
        return call(request, "message", "{\"to\":\"nobody\",\"text\":\"are you there?\"}");
    }

    private long requestsOf(String customer) {
        return model.bodies.stream()
                .filter(b -> ScriptedModel.isAssistantOf(ScriptedModel.read(b), customer))
                .count();
    }

    private static int count(String events, String regex) {
        Matcher m = Pattern.compile(regex).matcher(events);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String done(String customer, String reason) {
        return "\"agent\":\"" + customer + "\",\"reason\":\"" + reason + "\"";
    }

    private String runLog(RunResult result) throws IOException {
        return Files.readString(result.folder().resolve("run.log"));
    }

    private RunResult runYaml(String yaml) throws IOException {
        return LlmMarket.run(dir, LlmMarket.load(dir, yaml));
    }

    @Test
    void aModelThatKeepsMessagingAnUnknownBusinessEndsAtTheDefaultBoundOnTurns() throws IOException {
        model.hook = (n, request) -> ScriptedModel.isAssistantOf(request, "c2") ? messageNobody(request) : null;

        RunResult result = run("");

        String events = LlmMarket.events(result);
        assertThat(events).contains(done("c2", "limit:turns"));
        assertThat(events).contains(done("c1", "purchased"));
        assertThat(count(events, "\"agent\":\"c2\",\"action\":\"message\",\"ref\":\"nobody\""))
                .isEqualTo(100);
        CostInfo cost = result.summary().cost();
        // 100 turns of one call each; requests sent ahead on wrong guesses are the only others
        assertThat(requestsOf("c2")).isBetween(100L, 100L + cost.wastedCalls());
        assertThat(runLog(result))
                .contains("assistant c2 reached agents.assistants[0].llm.limits.turns = 100 (limit:turns)");
    }

    @Test
    void aModelThatKeepsGettingToolsWrongEndsAtItsBoundOnCalls() throws IOException {
        // every turn: an unknown tool first, then (told the error) a valid message
        model.hook = (n, request) -> {
            if (!ScriptedModel.isAssistantOf(request, "c2")) {
                return null;
            }
            JsonNode messages = request.path("messages");
            JsonNode last = messages.get(messages.size() - 1);
            return last.path("role").asText().equals("tool")
                            && last.path("content").asText().startsWith("error:")
                    ? messageNobody(request)
                    : call(request, "teleport", "{}");
        };

        RunResult result = run("limits: {turns: 1000, calls: 9}, prefetch: false");

        String events = LlmMarket.events(result);
        assertThat(events).contains(done("c2", "limit:calls"));
        assertThat(requestsOf("c2")).isEqualTo(9);
        assertThat(count(events, "\"agent\":\"c2\",\"action\":\"message\",\"ref\":\"nobody\""))
                .isEqualTo(4);
        assertThat(runLog(result)).contains("llm.limits.calls = 9 (limit:calls)");
    }

    @Test
    void aPageBeyondTheRangeIsRefusedNotWrapped() throws IOException {
        model.hook = (n, request) -> ScriptedModel.isAssistantOf(request, "c2")
                ? call(request, "search", "{\"query\":\"tacos\",\"page\":99999999999}")
                : null;

        RunResult result = run("");

        String events = LlmMarket.events(result);
        assertThat(events).doesNotContain("1215752191");
        assertThat(count(events, "\"type\":\"search\",\"agent\":\"c2\"")).isZero();
        assertThat(events).contains(done("c2", "llm-error"));
        assertThat(requestsOf("c2")).isEqualTo(3);
        assertThat(model.bodies).anyMatch(b -> b.contains("error: 'page' must be at most 1000"));
    }

    @Test
    void aWaitOf1e300SecondsIsRefusedNotWrapped() throws IOException {
        model.hook = (n, request) ->
                ScriptedModel.isAssistantOf(request, "c2") ? call(request, "wait", "{\"seconds\":1e300}") : null;

        RunResult result = run("");

        String events = LlmMarket.events(result);
        assertThat(count(events, "\"type\":\"wait\",\"agent\":\"c2\"")).isZero();
        assertThat(events).contains(done("c2", "llm-error"));
        assertThat(requestsOf("c2")).isEqualTo(3);
        assertThat(model.bodies).anyMatch(b -> b.contains("error: 'seconds' must be at most 86400"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "'llmCalls: 20', limit:run-calls, 20",
        // 110 tokens a call: the 19th reaches 2,000
        "'tokens: 2000', limit:run-tokens, 19",
        // 100 input and 10 output tokens at 1 and 2 per million: 0.00012 a call, the 17th reaches 0.002
        "'money: 0.002', limit:run-money, 17",
    })
    void aRunWideBoundEndsEveryAgentAndTheRunReplaysByteForByte(String limits, String reason, long reachedAt)
            throws IOException {
        // three runaways, uneven think times, answers in a random wall-clock order
        Random jitter = new Random();
        model.hook = (n, request) ->
                !request.path("messages").get(0).path("content").asText().startsWith("You sell")
                        ? messageNobody(request).setHeadersDelay(jitter.nextInt(15), TimeUnit.MILLISECONDS)
                        : null;
        Path cache = dir.resolve("cache");
        String yaml = LlmMarket.yaml(server, "cache: {mode: record, folder: '" + cache + "'}")
                .replace("agents:\n", "agents:\n  limits: {" + limits + "}\n")
                .replace("thinkTime: 50ms", "thinkTime: {min: 20ms, max: 80ms}");

        RunResult recorded = runYaml(yaml);
        RunResult again = runYaml(yaml);
        int requests = model.requests.get();
        RunResult replayed = runYaml(yaml.replace("mode: record", "mode: replay-strict"));

        String events = LlmMarket.events(recorded);
        for (String customer : List.of("c1", "c2", "c3")) {
            assertThat(events).contains(done(customer, reason));
        }
        long calls = recorded.summary().cost().httpCalls();
        // the turns under way when the bound is reached finish: at most one more call per agent
        assertThat(calls).isBetween(reachedAt, reachedAt + 3);
        assertThat(LlmMarket.events(again)).isEqualTo(events);
        assertThat(Files.readAllBytes(replayed.eventLog())).isEqualTo(Files.readAllBytes(recorded.eventLog()));
        assertThat(model.requests.get()).as("the replay asks nothing").isEqualTo(requests);
        assertThat(replayed.summary().cost().cachedCalls()).isEqualTo(calls);
        assertThat(runLog(recorded)).contains("(" + reason + "): each LLM agent ends at its next turn");
    }

    @Test
    void aServiceStopsAnsweringACustomerWhoseConversationReachedItsBound() throws IOException {
        ObjectNode args = ScriptedModel.JSON.createObjectNode().put("to", "s1").put("text", "Tacos, please.");
        args.putArray("items").add("Tacos");
        model.hook = (n, request) ->
                ScriptedModel.isAssistantOf(request, "c1") ? call(request, "message", args.toString()) : null;
        String yaml = LlmMarket.yaml(server, "");
        int services = yaml.lastIndexOf("backoff: 1ms}");
        yaml = yaml.substring(0, services) + "backoff: 1ms, limits: {turns: 2}}" + yaml.substring(services + 13);

        RunResult result = runYaml(yaml);

        String events = LlmMarket.events(result);
        assertThat(count(events, "\"from\":\"s1\",\"to\":\"c1\",\"text\":\"limit:turns\""))
                .isEqualTo(1);
        assertThat(count(events, "\"type\":\"proposal\"[^\\n]*\"customer\":\"c1\""))
                .isEqualTo(2);
        // c1 writes once more after the refusal, and is not answered
        assertThat(count(events, "\"from\":\"c1\",\"to\":\"s1\"")).isEqualTo(4);
        assertThat(events).contains(done("c2", "purchased"));
    }

    @Test
    void theDefaultBoundsChangeNothingInANormalRun() throws IOException {
        String unbounded = LlmMarket.yaml(server, "limits: {turns: 1000000, calls: 1000000}")
                .replace("agents:\n", "agents:\n  limits: {llmCalls: 1000000000, tokens: 1000000000000}\n");

        String bounded = LlmMarket.events(run(""));

        assertThat(bounded).doesNotContain("limit:").contains(done("c1", "purchased"));
        assertThat(LlmMarket.events(runYaml(unbounded))).isEqualTo(bounded);
    }

    @Test
    void aMoneyBoundForAModelWithoutAPriceIsReportedAtTheStart() throws IOException {
        String yaml = LlmMarket.yaml(server, "")
                .replace("agents:\n", "agents:\n  limits: {money: 5}\n")
                .replace("  scripted: {input", "  other: {input");

        RunResult result = runYaml(yaml);

        assertThat(runLog(result))
                .contains("agents.limits.money = 5.0 cannot be checked for model(s) [scripted]: they have no price");
    }

    @Test
    void boundsOutOfRangeAreBadInputAtTheirKey() {
        assertThatThrownBy(() -> LlmMarket.load(dir, LlmMarket.yaml(server, "limits: {turns: 0}")))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("agents.assistants[0].llm.limits.turns")
                .hasMessageContaining("turns: must be >= 1, was 0");
        assertThatThrownBy(() -> LlmMarket.load(
                        dir, LlmMarket.yaml(server, "").replace("agents:\n", "agents:\n  limits: {money: -1}\n")))
                .isInstanceOf(ScenarioException.class)
                .hasMessageMatching("(?s).*scenario.*\\.yaml:14:\\d+: agents\\.limits\\.money: must be > 0.*");
        assertThatThrownBy(() -> LlmMarket.load(
                        dir, LlmMarket.yaml(server, "").replace("agents:\n", "agents:\n  limits: {calls: 5}\n")))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("llmCalls");
    }

    @Test
    void boundsCanBeSetFromTheCommandLine() throws IOException {
        Path file = dir.resolve("bounded.yaml");
        Files.writeString(file, LlmMarket.yaml(server, ""));

        var scenario = ScenarioLoader.load(
                file, List.of("agents.limits.money=2.5", "agents.assistants[0].llm.limits.turns=7"));

        assertThat(scenario.agents().limitsOrDefault().money()).isEqualTo(2.5);
        assertThat(scenario.agents().limitsOrDefault().llmCalls()).isEqualTo(50_000);
        assertThat(scenario.agents().assistants().get(0).llm().limits().turns()).isEqualTo(7);
        assertThat(scenario.agents().assistants().get(0).llm().limits().calls()).isEqualTo(300);
        assertThatThrownBy(() -> ScenarioLoader.load(file, List.of("agents.limits.tokens=0")))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("--set")
                .hasMessageContaining("tokens");
    }
}

package org.mercato.scenarios.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.run.RunResult;
import org.mercato.scenarios.run.ScenarioRunner;
import org.mercato.sim.events.BidEvent;
import org.mercato.sim.events.EventReader;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.kernel.KernelListener;

/** A strategy-auction bidder that asks the loopback scripted model for its plans. */
class LlmStrategyBidderTest extends ScriptedServerTest {
    static final String PLAN = "1. Read the task\n2. Split it into steps\n3. Check the result";

    @BeforeEach
    void answerBidsWithAPlan() {
        model.hook = (n, request) -> {
            String system = request.path("messages").get(0).path("content").asText();
            return system.startsWith("You bid in a strategy auction") ? text(n, PLAN, 17) : null;
        };
    }

    private String yaml(String cache) {
        return yaml(cache, "");
    }

    private String yaml(String cache, String auctionExtra) {
        String llm = "{baseUrl: '" + server.url("/v1") + "', model: scripted, apiKeyEnv: MERCATO_TEST_KEY,"
                + " timeout: 5s, backoff: 1ms" + cache + "}";
        return """
                name: llm-bidders
                seed: 3
                market:
                  services:
                    - {id: s1, menu: {Tacos: 9.50}, rating: 4.5}
                  customers:
                    - {id: c1, request: Tacos, items: {Tacos: 1}, values: {Tacos: 10.00}}
                    - {id: c2, request: Tacos, items: {Tacos: 1}, values: {Tacos: 10.00}}
                  strategyAuction:
                    tasksPerCustomer: 3
                    difficulty: {min: 0.3, max: 0.7}
                %s
                    bidders:
                      - {id: small-llm, class: small, pricePerToken: 0.15, capability: 0.35, llm: %s, maxSteps: 3}
                      - {id: large, class: large, pricePerToken: 3.0, meanTokens: 200, capability: 0.9}
                prices:
                  scripted: {input: 1.0, output: 2.0}
                """.formatted(auctionExtra, llm);
    }

    private RunResult runBidders(String cache) throws IOException {
        return runYaml(yaml(cache));
    }

    private RunResult runYaml(String yaml) throws IOException {
        Map<String, String> env = Map.of("MERCATO_TEST_KEY", LlmMarket.KEY);
        return new ScenarioRunner(PolicyRegistry.builtIn(), dir.resolve("runs"), KernelListener.NONE, env::get)
                .run(LlmMarket.load(dir, yaml));
    }

    @Test
    void aModelJuryScoresEveryPlanOneCallPerJuror() throws IOException {
        model.hook = (n, request) -> {
            String system = request.path("messages").get(0).path("content").asText();
            if (system.startsWith("You are juror 1 of 2")) {
                return text(n, "Score: 4.5", 2);
            }
            if (system.startsWith("You are juror 2 of 2")) {
                return text(n, "I would say 7 out of 5", 2);
            }
            return system.startsWith("You bid in a strategy auction") ? text(n, PLAN, 17) : null;
        };
        String jury = "    juryLlm: {baseUrl: '" + server.url("/v1")
                + "', model: scripted, apiKeyEnv: MERCATO_TEST_KEY, timeout: 5s, backoff: 1ms}";

        RunResult result = runYaml(yaml("", jury));

        List<BidEvent> bids = EventReader.readAll(result.eventLog()).stream()
                .map(LoggedEvent::event)
                .filter(e -> e instanceof BidEvent)
                .map(e -> (BidEvent) e)
                .toList();
        assertThat(bids).isNotEmpty().allSatisfy(b -> assertThat(b.jury()).containsExactly(4.5, 5.0));
        long juryCalls =
                model.bodies.stream().filter(b -> b.contains("You are juror")).count();
        assertThat(juryCalls).isEqualTo(2L * bids.size());
        assertThat(model.bodies.stream().filter(b -> b.contains("You are juror")))
                .allSatisfy(b -> assertThat(b).doesNotContain("small-llm"));
        assertThat(result.summary().cost().groups())
                .anySatisfy(g -> assertThat(g.role()).isEqualTo("jury"));
    }

    @Test
    void theModelWritesTheBiddersPlansAndItsRefinements() throws IOException {
        RunResult result = runBidders("");

        List<BidEvent> bids = EventReader.readAll(result.eventLog()).stream()
                .map(LoggedEvent::event)
                .filter(e -> e instanceof BidEvent)
                .map(e -> (BidEvent) e)
                .filter(b -> b.bidder().equals("small-llm"))
                .toList();
        assertThat(bids.stream().filter(b -> b.round() == 1)).hasSize(6);
        assertThat(bids).allSatisfy(b -> {
            assertThat(b.tokens()).isEqualTo(17);
            assertThat(b.entropy()).isEqualTo(Math.round(entropyOfPlan() * 1e4) / 1e4);
        });
        assertThat(model.requests.get()).isEqualTo(bids.size());
        assertThat(model.bodies.get(0))
                .contains("You are small-llm")
                .contains("at most 3 steps")
                .contains("Task c1-t1");
        List<String> refinements = model.bodies.stream()
                .filter(b -> b.contains("Improve your plan"))
                .toList();
        assertThat(refinements)
                .hasSize((int) bids.stream().filter(b -> b.round() == 2).count());
        assertThat(refinements).isNotEmpty();
        assertThat(refinements.get(refinements.size() - 1))
                .contains("Similar past tasks")
                .contains(" (succeeded): ");
        assertThat(result.summary().cost().groups())
                .anySatisfy(g -> assertThat(g.role()).isEqualTo("bidder"));
        assertThat(result.summary().cost().httpCalls()).isEqualTo(model.requests.get());
    }

    @Test
    void recordedPlansReplayToTheSameLogWithoutRequests() throws IOException {
        Path cache = dir.resolve("cache");
        RunResult recorded = runBidders(", cache: {mode: record, folder: '" + cache + "'}");
        int requests = model.requests.get();

        RunResult replayed = runBidders(", cache: {mode: replay-strict, folder: '" + cache + "'}");

        assertThat(model.requests.get()).isEqualTo(requests);
        assertThat(Files.readAllBytes(replayed.eventLog())).isEqualTo(Files.readAllBytes(recorded.eventLog()));
        assertThat(replayed.summary().cost().cachedCalls()).isEqualTo(requests);
    }

    @Test
    void aFailedCallBidsAnEmptyPlanAndTheAuctionsGoOn() throws IOException {
        model.hook = (n, request) -> ScriptedModel.status(400, "{\"error\": {\"message\": \"bad request\"}}");

        RunResult result = runBidders("");

        String log = Files.readString(result.eventLog());
        assertThat(log)
                .contains("\"bidder\":\"small-llm\",\"class\":\"small\",\"round\":1,\"price_per_token\":0.15,"
                        + "\"tokens\":1,\"entropy\":0,\"jury\":[");
        assertThat(result.summary().strategyAuction().wins()).containsOnlyKeys("large");
    }

    @Test
    void theRunsBoundOnModelCallsStopsTheBiddersCallsThere() throws IOException {
        RunResult result = runYaml(yaml("") + "agents:\n  limits: {llmCalls: 4}\n");

        assertThat(model.requests.get())
                .as("no call past agents.limits.llmCalls")
                .isEqualTo(4);
        List<BidEvent> firstRound = EventReader.readAll(result.eventLog()).stream()
                .map(LoggedEvent::event)
                .filter(e -> e instanceof BidEvent b && b.bidder().equals("small-llm") && b.round() == 1)
                .map(e -> (BidEvent) e)
                .toList();
        assertThat(firstRound).hasSize(6);
        assertThat(firstRound.get(firstRound.size() - 1).tokens())
                .as("a refused call bids the failed one-token plan")
                .isEqualTo(1);
    }

    /** The plan's 13 words, "the" twice: the Shannon entropy of their frequencies, in bits. */
    private static double entropyOfPlan() {
        double once = 1.0 / 13;
        double twice = 2.0 / 13;
        return -(11 * once * Math.log(once) + twice * Math.log(twice)) / Math.log(2);
    }

    static MockResponse text(int id, String content, int completionTokens) {
        ObjectNode root = ScriptedModel.JSON.createObjectNode();
        root.put("id", "chatcmpl-" + id);
        root.put("object", "chat.completion");
        root.put("created", 1);
        root.put("model", "scripted");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", "stop");
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", 50);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", 50 + completionTokens);
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(root.toString());
    }
}

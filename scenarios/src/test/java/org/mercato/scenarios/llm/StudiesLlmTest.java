package org.mercato.scenarios.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.Mercato;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.RunEnvironment;
import org.mercato.scenarios.run.RunResult;
import org.mercato.scenarios.run.WiredRun;
import org.mercato.sim.domain.Service;
import org.mercato.storefront.ChromiumRenderer;

/**
 * Each study's LLM path: the one key its page documents ({@code agents.assistants[0].policy=
 * llm-assistant}) turns the assistants into LLM agents using the study's own llm section, here
 * pointed at the scripted model on loopback, at a tiny size.
 */
class StudiesLlmTest extends ScriptedServerTest {
    @ParameterizedTest
    @CsvSource({
        "search-and-welfare, market.generate.customers=3;market.generate.services=6",
        "search-paraphrase, market.generate.customers=3;market.generate.services=16",
        "consideration-set-size, market.generate.customers=3;market.generate.services=12",
        "first-proposal-bias, ",
        "manipulation, market.generate.customers=3",
        "position-and-tags, market.generate.customers=3;market.generate.services=8",
        "seller-rewriting, market.generate.customers=3;market.generate.services=6",
        "sponsored-search, market.generate.customers=3;market.generate.services=8",
        "reputation, market.generate.customers=3;market.generate.services=6;market.dynamics.horizon=2d",
        "loyalty, market.generate.customers=3;market.generate.services=6;market.dynamics.horizon=2d",
    })
    void theStudyRunsWithLlmAssistantsByChangingOneKey(String study, String small) throws IOException {
        List<String> sets = new ArrayList<>();
        if (small != null) {
            sets.addAll(List.of(small.split(";")));
        }
        sets.add("agents.assistants[0].policy=llm-assistant");
        // point the study's own llm section at the loopback model, without a cache
        sets.add("agents.assistants[0].llm.baseUrl=" + server.url("/v1"));
        sets.add("agents.assistants[0].llm.model=scripted");
        sets.add("agents.assistants[0].llm.cache.mode='off'");
        sets.add("agents.assistants[0].llm.timeout=5s");
        Scenario scenario = Mercato.bundled(study, sets.toArray(String[]::new));

        RunResult result = LlmMarket.run(dir, scenario);

        assertThat(model.requests.get()).isPositive();
        long calls = result.summary().cost().httpCalls();
        assertThat((long) model.requests.get())
                .isBetween(calls, calls + result.summary().cost().wastedCalls());
        assertThat(result.summary().cost().agentsEndedLlmError()).isZero();
        assertThat(result.folder().resolve("summary.json")).exists();
        assertThat(Files.readString(result.eventLog())).contains("\"type\":\"search\"");
    }

    @Test
    void positionAndTagsShowsTheGridAsAScreenshotWithOneMoreKey() throws IOException {
        Assumptions.assumeTrue(ChromiumRenderer.available(), "no chromium at /usr/bin/chromium");
        Scenario scenario = Mercato.bundled(
                "position-and-tags",
                "market.generate.customers=2",
                "market.generate.services=8",
                "agents.assistants[0].policy=llm-assistant",
                "agents.assistants[0].llm.page=screenshot",
                "agents.assistants[0].llm.baseUrl=" + server.url("/v1"),
                "agents.assistants[0].llm.model=scripted",
                "agents.assistants[0].llm.cache.mode='off'",
                "agents.assistants[0].llm.timeout=20s");

        RunResult result = LlmMarket.run(dir, scenario);

        assertThat(result.summary().cost().agentsEndedLlmError()).isZero();
        long images = result.summary().cost().images();
        assertThat(images).isPositive();
        // openai, 1280x800 at high detail: 85 + 170 x 6 tiles per image
        assertThat(result.summary().cost().imageTokens()).isEqualTo(1105 * images);
        assertThat(model.bodies).anySatisfy(body -> assertThat(body).contains("data:image/png;base64,"));
        try (var pages = Files.list(result.folder().resolve("pages"))) {
            assertThat(pages).isNotEmpty();
        }
    }

    @Test
    void theStrategyAuctionStudyRunsWithAnLlmBidderByGivingItAnLlmSection() throws IOException {
        model.hook = (n, request) ->
                request.path("messages").get(0).path("content").asText().startsWith("You bid in a strategy auction")
                        ? text("1. Read the task.\n2. Split it into steps.\n3. Check the result.")
                        : null;
        Scenario scenario = Mercato.bundled(
                "strategy-auction-routing",
                "market.strategyAuction.tasksPerCustomer=2",
                "market.strategyAuction.bidders[0].llm={baseUrl: '" + server.url("/v1") + "', model: scripted,"
                        + " timeout: 5s, cache: {mode: 'off'}}");

        RunResult result = LlmMarket.run(dir, scenario);

        assertThat(model.requests.get()).isPositive();
        assertThat(result.summary().cost().httpCalls()).isEqualTo(model.requests.get());
        assertThat(result.summary().strategyAuction().tasks()).isEqualTo(16);
        assertThat(Files.readString(result.eventLog())).contains("\"type\":\"bid\",\"task\"");
    }

    @Test
    void withReviewTextsOnLlmShoppersWriteTheTextOfEachGenuineReview() throws IOException {
        model.hook = (n, request) -> {
            if (!request.path("messages")
                    .get(0)
                    .path("content")
                    .asText()
                    .startsWith("You are the shopping assistant")) {
                return null;
            }
            ObjectNode args = ScriptedModel.JSON.createObjectNode().put("text", "As described, would buy again.");
            return ScriptedModel.toolCall(request.path("messages").size(), "review", args);
        };
        Scenario scenario = Mercato.bundled(
                "reputation",
                "market.generate.customers=4",
                "market.generate.services=6",
                "market.dynamics.horizon=2d",
                "market.dynamics.reviews.probability=1",
                "market.dynamics.reviews.text=true",
                "agents.assistants[0].policy=llm-assistant",
                "agents.assistants[0].llm.baseUrl=" + server.url("/v1"),
                "agents.assistants[0].llm.model=scripted",
                "agents.assistants[0].llm.cache.mode='off'",
                "agents.assistants[0].llm.timeout=5s");

        RunResult result = LlmMarket.run(dir, scenario);

        List<String> lines = Files.readAllLines(result.eventLog());
        long genuine = lines.stream()
                .filter(l -> l.contains("\"type\":\"review\"") && l.contains("\"customer\""))
                .count();
        List<String> texts = lines.stream()
                .filter(l -> l.contains("\"type\":\"review_text\""))
                .toList();
        assertThat(genuine).isPositive();
        assertThat(texts)
                .hasSize((int) genuine)
                .allMatch(l -> l.endsWith("\"text\":\"As described, would buy again.\"}"));
        assertThat(result.summary().cost().agentsEndedLlmError()).isZero();
    }

    static final String REWRITTEN = "Family kitchen for every craving: tacos, bowls and more, served fast.";

    @Test
    void theSellerRewritesItsListingWithTheModelWhenRewriteIsLlm() throws IOException {
        model.hook = (n, request) ->
                request.path("messages").get(0).path("content").asText().startsWith("You write listings")
                        ? text(REWRITTEN)
                        : null;
        Scenario scenario = Mercato.bundled(
                "seller-rewriting",
                "market.generate.customers=4",
                "market.generate.services=6",
                "agents.services[0].params.rewrite=llm",
                "agents.services[0].llm={baseUrl: '" + server.url("/v1") + "', model: scripted, timeout: 5s,"
                        + " cache: {mode: 'off'}}");

        Service rewritten = WiredRun.setup(scenario, new RunEnvironment(PolicyRegistry.builtIn(), name -> null, true))
                .catalog()
                .services()
                .get(0);
        assertThat(rewritten.description()).isEqualTo(REWRITTEN);
        assertThat(model.bodies.get(0)).contains("What buyers ask for").contains("Seller: Restaurant 1");

        RunResult result = LlmMarket.run(dir, scenario);
        assertThat(result.summary().cost().httpCalls()).isEqualTo(1);
        assertThat(result.summary().cost().groups()).hasSize(1);
        assertThat(result.summary().market().payments().count()).isPositive();
        assertThat(model.requests.get()).isEqualTo(2);
    }

    @Test
    void validatingARewriteByModelMakesNoCall() {
        Scenario scenario = Mercato.bundled(
                "seller-rewriting",
                "agents.services[0].params.rewrite=llm",
                "agents.services[0].llm={baseUrl: '" + server.url("/v1") + "', model: scripted}");
        new org.mercato.scenarios.validate.ScenarioValidator(PolicyRegistry.builtIn()).validate(scenario);
        assertThat(model.requests.get()).isZero();
    }

    private static MockResponse text(String content) {
        ObjectNode root = ScriptedModel.JSON.createObjectNode();
        root.put("id", "chatcmpl-text");
        root.put("object", "chat.completion");
        root.put("created", 1);
        root.put("model", "scripted");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", "stop");
        root.putObject("usage")
                .put("prompt_tokens", 50)
                .put("completion_tokens", 20)
                .put("total_tokens", 70);
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(root.toString());
    }
}

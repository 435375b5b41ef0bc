package org.mercato.scenarios.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mercato.scenarios.run.CostInfo;
import org.mercato.scenarios.run.RunResult;

/** LLM assistants and services against a scripted model on loopback, end to end. */
class LlmMarketTest extends ScriptedServerTest {
    /**
     * Prefetching (on by default) sends guessed requests ahead and claims their answers; the event
     * log is byte for byte the one of a run without it, and a run without it sends nothing ahead.
     */
    @Test
    void prefetchingChangesNothingInTheLog() throws IOException {
        model.delayMillis = 40;
        RunResult with = run("concurrency: 4");
        RunResult without = run("concurrency: 4, prefetch: false");

        assertThat(LlmMarket.events(with)).contains("\"type\":\"payment\"").isEqualTo(LlmMarket.events(without));
        assertThat(without.summary().cost().prefetched()).isNull();
        assertThat(without.summary().cost().wasted()).isNull();
    }

    @Test
    void assistantsSearchAskAndPayThroughTheModel() throws IOException {
        RunResult result = run("concurrency: 4");
        String events = LlmMarket.events(result);

        assertThat(events).contains("\"type\":\"payment\"");
        assertThat(events).contains("\"agent\":\"c1\",\"reason\":\"purchased\"");
        assertThat(events).contains("\"agent\":\"c2\",\"reason\":\"purchased\"");
        assertThat(events).contains("\"agent\":\"c3\",\"reason\":\"no-proposal\"");
        assertThat(result.summary().market().customersServed()).isEqualTo(2);
        CostInfo cost = result.summary().cost();
        // every request the model saw was used, or sent ahead on a guess that turned out wrong
        assertThat(model.requests.get())
                .isBetween((int) cost.httpCalls(), (int) (cost.httpCalls() + cost.wastedCalls()));
        assertThat(cost.cachedCalls()).isZero();
        assertThat(cost.agentsEndedLlmError()).isZero();
        assertThat(cost.inputTokens()).isEqualTo(100L * cost.httpCalls());
        long paidInput = 100L * cost.httpCalls() + (cost.wastedInputTokens() == null ? 0 : cost.wastedInputTokens());
        long paidOutput = 10L * cost.httpCalls() + (cost.wastedOutputTokens() == null ? 0 : cost.wastedOutputTokens());
        assertThat(cost.money())
                .isEqualTo((paidInput * 1.0 + paidOutput * 2.0) / 1e6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(cost.groups()).hasSize(2);
        assertThat(result.summary().kernel().parallelism()).isGreaterThanOrEqualTo(4);
        assertThat(model.authorizations).allMatch(h -> h.equals("Bearer " + LlmMarket.KEY));
    }

    @Test
    void mercatoReportKeepsTheCostBlockWhichTheLogCannotGive() throws IOException {
        RunResult result = run("concurrency: 4");
        String live = Files.readString(result.folder().resolve("summary.json"));

        org.mercato.scenarios.run.RunReport.rewrite(result.folder());

        assertThat(live).contains("\"cost\"");
        assertThat(Files.readString(result.folder().resolve("summary.json"))).isEqualTo(live);
    }

    @Test
    void requestsOfferTheProtocolAsTools() throws IOException {
        run("");
        String first = model.bodies.get(0);
        assertThat(first).contains("\"name\":\"search\"");
        assertThat(first).contains("\"tools\"");
        for (String tool : new String[] {"search", "message", "pay", "decline", "wait", "done"}) {
            assertThat(model.bodies.stream().anyMatch(b -> b.contains("\"name\":\"" + tool + "\"")))
                    .isTrue();
        }
        assertThat(model.bodies.stream().anyMatch(b -> b.contains("\"name\":\"propose\"")))
                .isTrue();
        assertThat(model.bodies.stream().anyMatch(b -> b.contains("\"temperature\":0.0")))
                .isTrue();
    }

    @Test
    void theKeyGivenThroughTheEnvironmentIsNeverWrittenOut() throws IOException {
        RunResult result = run("");
        for (String file : new String[] {"events.jsonl", "summary.json", "run.log", "scenario.resolved.yaml"}) {
            assertThat(Files.readString(result.folder().resolve(file))).doesNotContain(LlmMarket.KEY);
        }
        assertThat(Files.readString(result.folder().resolve("scenario.resolved.yaml")))
                .contains("MERCATO_TEST_KEY");
    }

    @Test
    void aPromptFileReplacesTheBuiltInTemplate() throws IOException {
        Path prompt = dir.resolve("shopper.txt");
        Files.writeString(
                prompt, org.mercato.agents.llm.Prompts.builtIn("assistant") + "House rule: {{self}} is brief.\n");
        String yaml = LlmMarket.yaml(server, "")
                .replaceFirst("apiKeyEnv: MERCATO_TEST_KEY,", "apiKeyEnv: MERCATO_TEST_KEY, prompt: '" + prompt + "',");

        RunResult result = LlmMarket.run(dir, LlmMarket.load(dir, yaml));

        assertThat(model.bodies.stream().filter(b -> b.contains("House rule: c1 is brief.")))
                .isNotEmpty();
        assertThat(model.bodies).noneMatch(b -> b.contains("{{"));
        assertThat(model.bodies.stream().filter(b -> b.contains("You sell"))).noneMatch(b -> b.contains("House rule"));
        assertThat(LlmMarket.events(result)).contains("\"agent\":\"c1\",\"reason\":\"purchased\"");
    }
}

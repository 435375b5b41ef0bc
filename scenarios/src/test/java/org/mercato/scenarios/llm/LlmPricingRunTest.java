package org.mercato.scenarios.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mercato.scenarios.cli.MercatoCli;
import picocli.CommandLine;

/**
 * The algorithmic-pricing study with its sellers switched to a model by one key ({@code
 * market.pricing.policy.name=llm}), on the loopback scripted model: every period is one call per
 * firm and the answer, snapped to the grid, is the price; an answer that is no price fails the run
 * loudly (exit 1, the firms counted as failed agents with the cause).
 */
class LlmPricingRunTest extends ScriptedServerTest {
    private static final String PRICING_PROMPT = "Your task is to assist a user in setting a suitable price";

    private record Cli(int code, String out, JsonNode summary) {}

    private Cli run(String... sets) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "algorithmic-pricing.yaml",
                "--out",
                dir.resolve("runs").toString(),
                "--set",
                "market.pricing.policy.name=llm",
                "--set",
                "market.pricing.policy.llm.baseUrl=" + server.url("/v1"),
                "--set",
                "market.pricing.policy.llm.cache.mode=off",
                "--set",
                "market.pricing.episodes=1",
                "--set",
                "market.pricing.policy.periods=5",
                "--set",
                "market.pricing.impulse.periods=2"));
        for (String set : sets) {
            args.addAll(List.of("--set", set));
        }
        StringWriter out = new StringWriter();
        CommandLine cli = MercatoCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        int code = cli.execute(args.toArray(String[]::new));
        Path run;
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            run = runs.filter(Files::isDirectory).findFirst().orElse(null);
        }
        JsonNode summary = run == null || !Files.exists(run.resolve("summary.json"))
                ? null
                : new ObjectMapper().readTree(run.resolve("summary.json").toFile());
        return new Cli(code, out.toString(), summary);
    }

    /** The scripted model answers every pricing request with {@code answer}; returns the count of them. */
    private AtomicInteger answerPricingWith(String answer) {
        AtomicInteger calls = new AtomicInteger();
        model.hook = (n, request) -> {
            String system = request.path("messages").get(0).path("content").asText();
            if (!system.startsWith(PRICING_PROMPT)) {
                return null;
            }
            calls.incrementAndGet();
            return LlmStrategyBidderTest.text(n, answer, 3);
        };
        return calls;
    }

    @Test
    void aModelSetsEveryPeriodsPriceOnTheGrid() throws IOException {
        AtomicInteger calls = answerPricingWith(" 1.75 ");

        Cli cli = run();

        assertThat(cli.code()).as(cli.out()).isZero();
        JsonNode pricing = cli.summary().get("pricing");
        assertThat(pricing.get("policies").toString()).isEqualTo("[\"llm\",\"llm\"]");
        assertThat(pricing.get("episodes").asInt()).isEqualTo(1);
        // 1.75 snaps to the grid's 1.737701 (the nearer of 1.737701 and 1.776449)
        assertThat(pricing.at("/prices/0").asDouble()).isEqualTo(1.737701);
        assertThat(pricing.at("/prices/1").asDouble()).isEqualTo(1.737701);
        assertThat(calls.get())
                .as("one call per firm and period, and the impulse's")
                .isGreaterThanOrEqualTo(10);
        assertThat(cli.summary().get("failures"))
                .isNull(); // each call is a pricer's turn in transcripts.jsonl, beside the market's log (seq -1)
        Path folder;
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            folder = runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        List<String> turns = Files.readAllLines(folder.resolve("transcripts.jsonl"));
        assertThat(turns).hasSize(calls.get());
        assertThat(turns)
                .allSatisfy(turn -> assertThat(turn)
                        .contains(
                                "\"role\":\"pricer\"",
                                "\"kind\":\"llm-pricer\"",
                                "\"seq\":-1",
                                "\"answer\":{\"text\":\" 1.75 \""));
        assertThat(turns.get(0)).startsWith("{\"turn\":0,\"agent\":\"firm 0\",");
    }

    @Test
    void anAnswerThatIsNoPriceFailsTheRunWithItsCause() throws IOException {
        answerPricingWith("I would keep prices high.");

        Cli cli = run();

        assertThat(cli.code()).isEqualTo(1);
        assertThat(cli.out()).contains("FAILED").contains("llm-error");
        JsonNode failures = cli.summary().get("failures");
        assertThat(failures).isNotNull();
        assertThat(failures.toString()).contains("llm-error").contains("2");
    }

    @Test
    void theRunsBoundOnModelCallsStopsThePricersAtThatCallLoudly() throws IOException {
        AtomicInteger calls = answerPricingWith("1.75");

        Cli cli = run("agents.limits.llmCalls=7", "market.pricing.episodes=3");

        assertThat(calls.get()).as("no call past the bound").isEqualTo(7);
        assertThat(cli.code()).isEqualTo(1);
        assertThat(cli.out()).contains("FAILED").contains("limit:run-calls");
        assertThat(cli.summary().get("failures").toString()).contains("limit:run-calls");
    }
}

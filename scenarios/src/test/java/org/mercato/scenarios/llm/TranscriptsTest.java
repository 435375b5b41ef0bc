package org.mercato.scenarios.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mercato.scenarios.run.RunResult;
import org.mercato.scenarios.run.ScenarioRunner;

/** {@code transcripts.jsonl}: one line per model turn, in an order and with values that replay reproduces. */
class TranscriptsTest extends ScriptedServerTest {
    private RunResult run(String yamlChange, String llmExtra) throws IOException {
        String yaml = LlmMarket.yaml(server, llmExtra);
        if (!yamlChange.isEmpty()) {
            yaml = yaml.replace("parallelism: 2", yamlChange);
        }
        return LlmMarket.run(dir, LlmMarket.load(dir, yaml));
    }

    private static List<JsonNode> transcripts(RunResult result) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(result.folder().resolve(ScenarioRunner.TRANSCRIPTS))) {
            lines.add(ScriptedModel.JSON.readTree(line));
        }
        return lines;
    }

    /** The file without each line's {@code runtime} part: what must not depend on the network or threads. */
    private static String deterministic(RunResult result) throws IOException {
        StringBuilder text = new StringBuilder();
        for (JsonNode line : transcripts(result)) {
            ((ObjectNode) line).remove("runtime");
            text.append(line).append('\n');
        }
        return text.toString();
    }

    @Test
    void aRecordingAndItsReplayAgreeInEveryFieldButRuntime() throws IOException {
        Path cache = dir.resolve("cache");
        RunResult recorded = run("", "cache: {mode: record, folder: '" + cache + "'}");
        int requests = model.requests.get();
        server.shutdown(); // the replay must not need the model
        RunResult replayed = run("", "cache: {mode: replay-strict, folder: '" + cache + "'}");

        assertThat(model.requests.get()).isEqualTo(requests);
        assertThat(deterministic(replayed)).isEqualTo(deterministic(recorded));
        List<JsonNode> lines = transcripts(recorded);
        assertThat(lines).hasSize((int) recorded.summary().cost().httpCalls());
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.path("runtime").path("source").asText()).isIn("network", "prefetch", "guess");
            assertThat(cache.resolve(line.path("cacheKey").asText() + ".json")).exists();
        });
        assertThat(transcripts(replayed))
                .allSatisfy(line ->
                        assertThat(line.path("runtime").path("source").asText()).isEqualTo("replay"));
        assertThat(transcripts(replayed))
                .allSatisfy(line -> assertThat(
                                line.path("runtime").path("latencyMs").asLong())
                        .isZero());
    }

    @Test
    void linesAreNumberedInSeqAgentIndexOrderPointAtTheEventBehindThemAndHoldNoKey() throws IOException {
        RunResult result = run("", "");

        // the key was sent to the model (from the environment), and is written nowhere in the file
        assertThat(model.authorizations).contains("Bearer " + LlmMarket.KEY);
        assertThat(Files.readString(result.folder().resolve(ScenarioRunner.TRANSCRIPTS)))
                .doesNotContain(LlmMarket.KEY);
        List<JsonNode> lines = transcripts(result);
        Map<Long, JsonNode> events = new HashMap<>();
        for (String line : Files.readAllLines(result.eventLog())) {
            JsonNode event = ScriptedModel.JSON.readTree(line);
            events.put(event.path("seq").asLong(), event);
        }
        Map<String, Long> nextIndex = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            assertThat(line.path("turn").asInt()).isEqualTo(i);
            if (i > 0) {
                JsonNode before = lines.get(i - 1);
                long seq = line.path("seq").asLong();
                long previous = before.path("seq").asLong();
                assertThat(seq).isGreaterThanOrEqualTo(previous);
                if (seq == previous) {
                    assertThat(line.path("agent").asText())
                            .isGreaterThanOrEqualTo(before.path("agent").asText());
                }
            }
            assertThat(line.path("model").asText()).isEqualTo("openai scripted");
            assertThat(line.path("cacheKey").asText()).matches("[0-9a-f]{64}");
            assertThat(line.path("messages").get(0).path("role").asText()).isEqualTo("system");
            assertThat(line.path("answer").path("toolCalls")).isNotEmpty();
            long input = line.path("tokens").path("input").asLong();
            long output = line.path("tokens").path("output").asLong();
            // prices in the scenario: 1.0 input, 2.0 output per million tokens
            assertThat(line.path("cost").asDouble()).isCloseTo(input / 1e6 + output * 2 / 1e6, within());
            String agent = line.path("agent").asText();
            JsonNode cause = events.get(line.path("seq").asLong());
            if (line.path("role").asText().equals("service")) {
                assertThat(line.path("kind").asText()).isEqualTo("llm-service");
                assertThat(agent).startsWith("s");
                assertThat(cause.path("type").asText()).isEqualTo("message");
                assertThat(cause.path("to").asText()).isEqualTo(agent);
                assertThat(line.path("tools").toString()).isEqualTo("[\"reply\",\"propose\"]");
            } else {
                assertThat(line.path("role").asText()).isEqualTo("assistant");
                assertThat(line.path("kind").asText()).isEqualTo("llm-assistant");
                assertThat(agent).startsWith("c");
                assertThat(cause).isNotNull();
                assertThat(line.path("t").asLong())
                        .isGreaterThanOrEqualTo(cause.path("t").asLong());
            }
        }
        // each agent's index counts its turns from 0 without a gap
        lines.stream()
                .sorted((a, b) ->
                        Long.compare(a.path("index").asLong(), b.path("index").asLong()))
                .forEach(line -> {
                    String agent = line.path("agent").asText();
                    long index = line.path("index").asLong();
                    assertThat(index).isEqualTo(nextIndex.getOrDefault(agent, 0L));
                    nextIndex.put(agent, index + 1);
                });
        assertThat(nextIndex.keySet()).containsAll(Set.of("c1", "c2", "c3", "s1"));
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-12);
    }

    @Test
    void theOrderDoesNotDependOnThreadsOrOnWhichAnswerCameFirst() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        model.hook = (n, request) -> {
            long delay;
            synchronized (random) {
                delay = random.nextLong(0, 30);
            }
            return ScriptedModel.answer(request).setHeadersDelay(delay, TimeUnit.MILLISECONDS);
        };
        String one = deterministic(run("parallelism: 1", "concurrency: 1, prefetch: false"));
        String four = deterministic(run("parallelism: 4", "concurrency: 4"));

        assertThat(four).isNotEmpty().isEqualTo(one);
    }

    @Test
    void aFailedTurnIsALineWithItsErrorAndNeverTheKey() throws IOException {
        String body = "{\"error\":{\"message\":\"Incorrect API key provided: " + LlmMarket.KEY + "\"}}";
        model.hook = (n, request) -> ScriptedModel.status(401, body);

        RunResult result = run("", "retries: 3");

        String text = Files.readString(result.folder().resolve(ScenarioRunner.TRANSCRIPTS));
        assertThat(text).doesNotContain(LlmMarket.KEY).doesNotContain("Bearer");
        List<JsonNode> lines = transcripts(result);
        assertThat(lines).hasSize(3);
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.path("error").asText()).isEqualTo("openai scripted HTTP 401 Unauthorized");
            assertThat(line.get("answer").isNull()).isTrue();
            assertThat(line.get("tokens").isNull()).isTrue();
            assertThat(line.path("cacheKey").asText()).matches("[0-9a-f]{64}");
            assertThat(line.path("messages").size()).isEqualTo(2);
        });
    }
}

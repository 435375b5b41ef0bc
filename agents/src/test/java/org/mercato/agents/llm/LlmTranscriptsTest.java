package org.mercato.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.transcript.TranscriptGroup;
import org.mercato.agents.transcript.TranscriptRecorder;
import org.mercato.agents.transcript.TurnOrigin;
import org.mercato.sim.domain.Service;

/** What a transcript line says of where its answer came from, and that the key is there in every mode. */
class LlmTranscriptsTest {
    @TempDir
    Path folder;

    private final TranscriptRecorder transcripts = new TranscriptRecorder();

    private static LlmRequest request(String text) {
        return new LlmRequest(List.of(LlmMessage.system("s"), LlmMessage.user(text)), List.of());
    }

    private LlmClient client(LoopbackChatServer server, ResponseCache cache, CacheMode mode, boolean prefetch) {
        LlmClient client = server.client("m", cache, mode, prefetch);
        client.transcribeTo(new TranscriptGroup(transcripts, "assistant", 2, "llm-assistant", 1.0, 2.0));
        return client;
    }

    private List<JsonNode> lines() throws IOException {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (String line : transcripts.lines()) {
            out.add(LoopbackChatServer.JSON.readTree(line));
        }
        return out;
    }

    private static String source(JsonNode line) {
        return line.path("runtime").path("source").asText();
    }

    @Test
    void eachSourceIsNamedAndTheKeyIsTheCachesEvenWithTheCacheOff() throws Exception {
        try (LoopbackChatServer server =
                new LoopbackChatServer(r -> LoopbackChatServer.completion(r, "ok", null, null))) {
            LlmClient off = client(server, null, CacheMode.OFF, false);
            off.chat(request("a"), new TurnOrigin("c1", null, 5, 3));
            LlmClient recording = client(server, new ResponseCache(folder, 100), CacheMode.RECORD, true);
            recording.chat(request("b"), new TurnOrigin("c1", null, 6, 4));
            recording.chat(request("b"), new TurnOrigin("c1", null, 7, 5));
            String prefetched = recording.prefetchKeyed(request("c"), 8, false);
            String guessed = recording.prefetchKeyed(request("d"), 9, true);
            while (recording.ready(prefetched) == null || recording.ready(guessed) == null) {
                Thread.sleep(1);
            }
            recording.chat(request("c"), new TurnOrigin("c1", null, 8, 6));
            recording.chat(request("d"), new TurnOrigin("c1", null, 9, 7));
            LlmClient replaying = client(server, new ResponseCache(folder, 100), CacheMode.REPLAY, false);
            replaying.chat(request("d"), new TurnOrigin("c2", "review", 9, 7));

            List<JsonNode> lines = lines();
            assertThat(lines.stream().map(LlmTranscriptsTest::source))
                    .containsExactly("network", "network", "cache", "prefetch", "guess", "replay");
            assertThat(lines.get(0).path("cacheKey").asText())
                    .isEqualTo(ResponseCache.key(off.identity(), request("a")));
            assertThat(lines.get(5).path("cacheKey").asText())
                    .isEqualTo(lines.get(4).path("cacheKey").asText());
            assertThat(lines.stream().map(l -> l.path("index").asLong())).containsExactly(0L, 1L, 2L, 3L, 4L, 0L);
            assertThat(lines.get(5).path("role").asText()).isEqualTo("review");
            assertThat(lines.get(0).path("group").asInt()).isEqualTo(2);
            assertThat(lines.get(0).path("cost").asDouble()).isEqualTo(10 / 1e6 + 2 * 2 / 1e6);
            assertThat(lines.stream().filter(l -> !source(l).equals("network")))
                    .allSatisfy(
                            l -> assertThat(l.path("runtime").path("latencyMs").asLong())
                                    .isZero());
        }
    }

    @Test
    void aListingRewriteIsATurnOfItsServiceBeforeAnyEvent() throws Exception {
        try (LoopbackChatServer server =
                new LoopbackChatServer(r -> LoopbackChatServer.completion(r, "Fresh tacos.", null, null))) {
            LlmClient client = client(server, null, CacheMode.OFF, false);
            LlmListingRewrite.rewrite(
                    client, Service.of("s1", java.util.Map.of("Tacos", 900L), Set.of(), 4.0, 3), List.of("tacos"));

            JsonNode line = lines().get(0);
            assertThat(line.path("agent").asText()).isEqualTo("s1");
            assertThat(line.path("role").asText()).isEqualTo("rewrite");
            assertThat(line.path("seq").asLong()).isEqualTo(-1);
            assertThat(line.path("answer").path("text").asText()).isEqualTo("Fresh tacos.");
            assertThat(line.path("tools")).isEmpty();
        }
    }

    @Test
    void aFailedCallIsALineWithItsReasonAndNoAnswer() throws Exception {
        LlmClient client;
        try (LoopbackChatServer server = new LoopbackChatServer(r -> "")) {
            client = client(server, null, CacheMode.OFF, false);
        }
        // the server is gone: the call fails
        assertThatThrownBy(() -> client.chat(request("a"), new TurnOrigin("c1", null, 1, 0)))
                .isInstanceOf(LlmException.class);

        JsonNode line = lines().get(0);
        assertThat(line.path("error").asText()).startsWith("openai m ");
        assertThat(line.get("answer").isNull()).isTrue();
        assertThat(line.get("tokens").isNull()).isTrue();
        assertThat(line.get("cost").isNull()).isTrue();
        assertThat(line.path("cacheKey").asText()).matches("[0-9a-f]{64}");
    }
}

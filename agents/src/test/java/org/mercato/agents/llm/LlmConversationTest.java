package org.mercato.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmConversationTest {
    @TempDir
    Path dir;

    /** Answers every request with a call to {@code ok}, remembering the requests. */
    private static final class Recorder implements ChatProvider {
        final List<LlmRequest> requests = new ArrayList<>();

        @Override
        public synchronized LlmResponse chat(LlmRequest request) {
            requests.add(request);
            return new LlmResponse("", List.of(new LlmToolCall("", "ok", "{}")), 3, 1);
        }

        @Override
        public ProviderIdentity identity() {
            return new ProviderIdentity("openai", "m", 0, 64);
        }
    }

    @Test
    void onlyTheLastMessagesAreSentAfterASummaryLineAndNeverAnOrphanToolResult() {
        Recorder model = new Recorder();
        var chat = new LlmConversation<String>(
                new LlmAgentSettings(new LlmClient(model, null, CacheMode.OFF), 2, 1, null), List.of());
        chat.system("sys");
        for (int i = 0; i < 5; i++) {
            chat.observe("obs " + i);
            var outcome = chat.turn((tool, args) -> List.of(tool));
            assertThat(outcome).isEqualTo(new LlmConversation.Actions<>(List.of("ok")));
        }
        List<LlmMessage> last = model.requests.get(4).messages();
        assertThat(last.get(0)).isEqualTo(LlmMessage.system("sys"));
        assertThat(last.get(1).text()).isEqualTo("(12 earlier messages of this conversation are not shown)");
        assertThat(last.subList(2, last.size())).extracting(LlmMessage::role).containsExactly("user");
        assertThat(last.get(2).text()).isEqualTo("obs 4");
        // with room for two, the cut would start at a tool result without its call: it starts after
        assertThat(last).hasSize(3);
        assertThat(model.requests.get(1).messages())
                .extracting(LlmMessage::role)
                .containsExactly("system", "user", "user");
    }

    @Test
    void anInvalidCallIsAnsweredWithItsErrorThenTheFallbackComes() {
        Recorder model = new Recorder();
        LlmClient client = new LlmClient(model, null, CacheMode.OFF);
        var chat = new LlmConversation<String>(new LlmAgentSettings(client, 20, 2, null), List.of());
        chat.observe("hello");
        var outcome = chat.turn((tool, args) -> {
            throw new LlmConversation.InvalidCall("no such thing");
        });
        assertThat(outcome).isInstanceOf(LlmConversation.ToolErrors.class);
        assertThat(model.requests).hasSize(3);
        assertThat(model.requests.get(1).messages().get(3).text()).isEqualTo("error: no such thing");
        assertThat(client.usage().toolErrors()).isEqualTo(3);
    }

    @Test
    void theCacheKeyCoversSamplingAndAStoredAnswerIsReadBackByAnotherRun() throws Exception {
        LlmRequest request = new LlmRequest(List.of(LlmMessage.user("hi")), LlmAssistantPolicy.TOOLS);
        ProviderIdentity cold = new ProviderIdentity("openai", "m", 0, 64);
        ProviderIdentity warm = new ProviderIdentity("openai", "m", 0.7, 64);
        assertThat(ResponseCache.key(cold, request)).isEqualTo(ResponseCache.key(cold, request));
        assertThat(ResponseCache.key(cold, request)).isNotEqualTo(ResponseCache.key(warm, request));
        assertThat(ResponseCache.key(cold, request)).hasSize(64);

        LlmResponse answer = new LlmResponse("x", List.of(new LlmToolCall("c", "done", "{}")), 5, 2);
        new ResponseCache(dir, 10).put(ResponseCache.key(cold, request), answer);
        assertThat(new ResponseCache(dir, 10).get(ResponseCache.key(cold, request)))
                .contains(answer);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactly(ResponseCache.key(cold, request) + ".json");
        }
    }

    @Test
    void requestAfterIsTheNextRequestAndChangesNothing() {
        Recorder model = new Recorder();
        var chat = new LlmConversation<String>(
                new LlmAgentSettings(new LlmClient(model, null, CacheMode.OFF), 3, 1, null), List.of());
        chat.system("sys");
        for (int i = 0; i < 4; i++) {
            LlmRequest before = chat.request();
            LlmRequest ahead = chat.requestAfter("obs " + i);
            assertThat(chat.request()).isEqualTo(before);
            chat.observe("obs " + i);
            // past the history limit too: the same cut (summary line, no orphan tool result)
            assertThat(chat.request()).isEqualTo(ahead);
            chat.turn((tool, args) -> List.of(tool));
        }
        assertThat(model.requests).hasSize(4);
        assertThat(model.requests.get(3).messages().get(1).text()).contains("earlier messages");
    }
}

package org.mercato.agents.pricing;

import java.io.IOException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.mercato.agents.llm.CacheMode;
import org.mercato.agents.llm.LlmClient;
import org.mercato.agents.llm.LoopbackChatServer;
import org.mercato.agents.llm.ResponseCache;

/** A pricing "model" on loopback whose answer text is a function of the last user message. */
final class ScriptedPriceModel implements AutoCloseable {
    private final LoopbackChatServer server;
    /** Request bodies in arrival order. */
    final List<String> bodies;

    ScriptedPriceModel(UnaryOperator<String> answer) throws IOException {
        server = new LoopbackChatServer(request -> {
            var messages = request.path("messages");
            String prompt = messages.get(messages.size() - 1).path("content").asText();
            return LoopbackChatServer.completion(request, answer.apply(prompt), null, null);
        });
        bodies = server.bodies;
    }

    @Override
    public void close() {
        server.close();
    }

    /** A client of this server through {@code cache} (null with {@code OFF}) in {@code mode}. */
    LlmClient client(ResponseCache cache, CacheMode mode) {
        return server.client("scripted-pricer", cache, mode, false);
    }

    /** The last user message of the {@code n}-th request. */
    String prompt(int n) {
        return server.content(n, -1);
    }
}

package org.mercato.agents.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.mercato.agents.llm.CacheMode;
import org.mercato.agents.llm.LangChainProvider;
import org.mercato.agents.llm.LlmClient;
import org.mercato.agents.llm.ProviderSettings;
import org.mercato.agents.llm.ResponseCache;

/**
 * A pricing "model" on loopback: a JDK HTTP server speaking the OpenAI chat API whose answer text is
 * a function of the last user message. It keeps every request body, so tests count the calls.
 */
final class ScriptedPriceModel implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final UnaryOperator<String> answer;
    /** Request bodies in arrival order. */
    final List<String> bodies = Collections.synchronizedList(new ArrayList<>());

    static {
        // headers and body are two writes: without this, delayed ACKs cost ~40 ms per answer
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    ScriptedPriceModel(UnaryOperator<String> answer) throws IOException {
        this.answer = answer;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            bodies.add(body);
            byte[] out = completion(JSON.readTree(body)).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A client of this server through {@code cache} (null with {@code OFF}) in {@code mode}. */
    LlmClient client(ResponseCache cache, CacheMode mode) {
        ProviderSettings provider = new ProviderSettings(
                "openai",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
                "scripted-pricer",
                0,
                64,
                null,
                2,
                10_000,
                0,
                10);
        return new LlmClient(LangChainProvider.create(provider, name -> null), cache, mode, false);
    }

    /** The last user message of the {@code n}-th request. */
    String prompt(int n) {
        try {
            JsonNode messages = JSON.readTree(bodies.get(n)).path("messages");
            return messages.get(messages.size() - 1).path("content").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String completion(JsonNode request) {
        JsonNode messages = request.path("messages");
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-1");
        root.put("object", "chat.completion");
        root.put("created", 1);
        root.put("model", "scripted-pricer");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.put("finish_reason", "stop");
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put(
                "content",
                answer.apply(messages.get(messages.size() - 1).path("content").asText()));
        root.putObject("usage")
                .put("prompt_tokens", 100)
                .put("completion_tokens", 3)
                .put("total_tokens", 103);
        return root.toString();
    }
}

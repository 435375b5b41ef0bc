package org.mercato.agents.llm;

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
import java.util.function.Function;

/**
 * A model on loopback for tests: a JDK HTTP server speaking the OpenAI chat API, answering each
 * request with the completion {@code answer} makes of it. It keeps every request body, in arrival
 * order, so tests read the prompts and count the calls.
 */
public final class LoopbackChatServer implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    /** Request bodies in arrival order. */
    public final List<String> bodies = Collections.synchronizedList(new ArrayList<>());

    static {
        // headers and body are two writes: without this, delayed ACKs cost ~40 ms per answer
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** {@code answer}: the request's JSON to the body of a chat completion (see {@link #completion}). */
    public LoopbackChatServer(Function<JsonNode, String> answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            bodies.add(body);
            byte[] out = answer.apply(JSON.readTree(body)).getBytes(StandardCharsets.UTF_8);
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

    /** A client of model {@code model} here, through {@code cache} (null with {@code OFF}) in {@code mode}. */
    public LlmClient client(String model, ResponseCache cache, CacheMode mode, boolean prefetch) {
        ProviderSettings provider = new ProviderSettings(
                "openai",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
                model,
                0,
                64,
                null,
                2,
                10_000,
                0,
                10);
        return new LlmClient(LangChainProvider.create(provider, name -> null), cache, mode, prefetch);
    }

    /** The {@code content} of message {@code index} of the {@code n}-th request (negative: from the end). */
    public String content(int n, int index) {
        try {
            JsonNode messages = JSON.readTree(bodies.get(n)).path("messages");
            return messages.get(index < 0 ? messages.size() + index : index)
                    .path("content")
                    .asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A chat completion answering the request with {@code text}, or with a call of {@code tool}
     * ({@code null}: none) with {@code arguments}; the call's id counts the request's messages.
     */
    public static String completion(JsonNode request, String text, String tool, ObjectNode arguments) {
        int messages = request.path("messages").size();
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-" + messages);
        root.put("object", "chat.completion");
        root.put("created", 1);
        root.put("model", request.path("model").asText());
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.put("finish_reason", tool == null ? "stop" : "tool_calls");
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        if (tool == null) {
            message.put("content", text);
        } else {
            message.putNull("content");
            ObjectNode call = message.putArray("tool_calls").addObject();
            call.put("id", "call_" + messages);
            call.put("type", "function");
            call.putObject("function").put("name", tool).put("arguments", arguments.toString());
        }
        root.putObject("usage")
                .put("prompt_tokens", 10)
                .put("completion_tokens", 2)
                .put("total_tokens", 12);
        return root.toString();
    }
}

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

/**
 * A shopping "model" on loopback: a JDK HTTP server speaking the OpenAI chat API that searches,
 * asks the first result for the wanted items (read from the system prompt), pays the first
 * proposal and is done after paying or any other news; asked for a review's text, it writes one
 * that names the stars ({@link #reviewText}). It keeps every request body.
 */
final class ScriptedShopperModel implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String ITEMS = "Items wanted (item: quantity): ";

    private final HttpServer server;
    /** Request bodies in arrival order. */
    final List<String> bodies = Collections.synchronizedList(new ArrayList<>());

    static {
        // headers and body are two writes: without this, delayed ACKs cost ~40 ms per answer
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    ScriptedShopperModel() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            bodies.add(body);
            byte[] answer = answer(JSON.readTree(body)).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Model settings for an agent group talking to this server, without a cache. */
    LlmAgentSettings settings(boolean prefetch) {
        return settings(prefetch, null, CacheMode.OFF);
    }

    /** Model settings for an agent group talking to this server through {@code cache} in {@code mode}. */
    LlmAgentSettings settings(boolean prefetch, ResponseCache cache, CacheMode mode) {
        ProviderSettings provider = new ProviderSettings(
                "openai",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
                "scripted",
                0,
                64,
                null,
                2,
                10_000,
                0,
                10);
        LlmClient client = new LlmClient(LangChainProvider.create(provider, name -> null), cache, mode, prefetch);
        return new LlmAgentSettings(client, 20, 2, null);
    }

    /** The system prompt of the {@code n}-th request. */
    String system(int n) {
        try {
            return JSON.readTree(bodies.get(n))
                    .path("messages")
                    .get(0)
                    .path("content")
                    .asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The review this model writes for a delivery prompt ("... gives it 4 of 5 stars."). */
    static String reviewText(String prompt) {
        String stars = prompt.substring(prompt.indexOf("gives it ") + "gives it ".length(), prompt.indexOf(" of 5"));
        return "Rated " + stars + ": " + (Integer.parseInt(stars) >= 4 ? "a fine pizza." : "not what was listed.");
    }

    private static String answer(JsonNode request) {
        JsonNode messages = request.path("messages");
        String system = messages.get(0).path("content").asText();
        String last = messages.get(messages.size() - 1).path("content").asText();
        ObjectNode args = JSON.createObjectNode();
        String tool;
        if (system.startsWith("You are the shopping assistant of customer")) {
            tool = "review";
            args.put("text", reviewText(last));
        } else if (last.startsWith("You start shopping")) {
            tool = "search";
            args.put("query", "tacos");
        } else if (last.startsWith("Search results") && last.contains("\n1. id ")) {
            tool = "message";
            String rest = last.substring(last.indexOf("\n1. id ") + "\n1. id ".length());
            args.put("to", rest.substring(0, rest.indexOf(':')));
            args.put("text", "A proposal, please.");
            String items = system.substring(system.indexOf(ITEMS) + ITEMS.length());
            try {
                JSON.readTree(items.substring(0, items.indexOf('\n')))
                        .fieldNames()
                        .forEachRemaining(args.putArray("items")::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (last.startsWith("Proposal ")) {
            tool = "pay";
            args.put("proposal", last.substring("Proposal ".length(), last.indexOf(" from ")));
        } else {
            tool = "done";
            args.put("reason", last.startsWith("Your payment") ? "purchased" : "gave-up");
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-" + messages.size());
        root.put("object", "chat.completion");
        root.put("created", 1);
        root.put("model", "scripted");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.put("finish_reason", "tool_calls");
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.putNull("content");
        ObjectNode call = message.putArray("tool_calls").addObject();
        call.put("id", "call_" + messages.size());
        call.put("type", "function");
        call.putObject("function").put("name", tool).put("arguments", args.toString());
        root.putObject("usage")
                .put("prompt_tokens", 10)
                .put("completion_tokens", 2)
                .put("total_tokens", 12);
        return root.toString();
    }
}

package org.mercato.agents.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A shopping "model" on loopback ({@link LoopbackChatServer}) that searches, asks the first result
 * for the wanted items (read from the system prompt), pays the first proposal and is done after
 * paying or any other news; asked for a review's text, it writes one that names the stars ({@link
 * #reviewText}). It keeps every request body.
 */
final class ScriptedShopperModel implements AutoCloseable {
    private static final String ITEMS = "Items wanted (item: quantity): ";

    private final LoopbackChatServer server;
    /** Request bodies in arrival order. */
    final List<String> bodies;

    ScriptedShopperModel() throws IOException {
        server = new LoopbackChatServer(ScriptedShopperModel::answer);
        bodies = server.bodies;
    }

    @Override
    public void close() {
        server.close();
    }

    /** Model settings for an agent group talking to this server, without a cache. */
    LlmAgentSettings settings(boolean prefetch) {
        return settings(prefetch, null, CacheMode.OFF);
    }

    /** Model settings for an agent group talking to this server through {@code cache} in {@code mode}. */
    LlmAgentSettings settings(boolean prefetch, ResponseCache cache, CacheMode mode) {
        return new LlmAgentSettings(server.client("scripted", cache, mode, prefetch), 20, 2, null);
    }

    /** The system prompt of the {@code n}-th request. */
    String system(int n) {
        return server.content(n, 0);
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
        ObjectNode args = LoopbackChatServer.JSON.createObjectNode();
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
                LoopbackChatServer.JSON
                        .readTree(items.substring(0, items.indexOf('\n')))
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
        return LoopbackChatServer.completion(request, null, tool, args);
    }
}

package org.mercato.scenarios.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A scripted "model" behind MockWebServer: reads the OpenAI chat request and answers with a tool
 * call by a rule. An assistant searches for its request, messages the first result asking for its
 * items, pays the first proposal, and is done after the payment (or after a text answer). A
 * service proposes the wanted items it has at its menu prices, or replies that it has none. A hook
 * may answer a request differently (errors, delays, bad tool calls) by returning a response.
 */
public final class ScriptedModel extends Dispatcher {
    static final ObjectMapper JSON = new ObjectMapper();

    final AtomicInteger requests = new AtomicInteger();
    /** Request bodies as compact JSON, in arrival order. */
    final List<String> bodies = Collections.synchronizedList(new ArrayList<>());

    final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    volatile BiFunction<Integer, JsonNode, MockResponse> hook = (n, request) -> null;
    volatile long delayMillis;

    @Override
    public MockResponse dispatch(RecordedRequest recorded) {
        String body = recorded.getBody().readUtf8();
        int n = requests.incrementAndGet();
        JsonNode request = read(body);
        bodies.add(request.toString());
        authorizations.add(String.valueOf(recorded.getHeader("Authorization")));
        MockResponse special = hook.apply(n, request);
        if (special != null) {
            return special;
        }
        MockResponse response = answer(request);
        if (delayMillis > 0) {
            response.setHeadersDelay(delayMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        return response;
    }

    public static MockResponse answer(JsonNode request) {
        String system = request.path("messages").get(0).path("content").asText();
        String last = lastUser(request);
        int id = request.path("messages").size();
        if (system.startsWith("You sell")) {
            return service(system, last, id);
        }
        return assistant(system, last, id);
    }

    private static MockResponse assistant(String system, String last, int id) {
        ObjectNode args = JSON.createObjectNode();
        if (last.startsWith("You start shopping")) {
            args.put("query", line(system, "The customer's request: "));
            return toolCall(id, "search", args);
        }
        if (last.startsWith("Search results")) {
            int at = last.indexOf("\n1. id ");
            if (at < 0) {
                args.put("reason", "no-results");
                return toolCall(id, "done", args);
            }
            String rest = last.substring(at + "\n1. id ".length());
            args.put("to", rest.substring(0, rest.indexOf(':')));
            args.put("text", "Please send me a proposal.");
            ArrayNode items = args.putArray("items");
            read(line(system, "Items wanted (item: quantity): ")).fieldNames().forEachRemaining(items::add);
            return toolCall(id, "message", args);
        }
        if (last.startsWith("Proposal ")) {
            args.put("proposal", last.substring("Proposal ".length(), last.indexOf(" from ")));
            return toolCall(id, "pay", args);
        }
        args.put("reason", last.startsWith("Your payment") ? "purchased" : "no-proposal");
        return toolCall(id, "done", args);
    }

    private static MockResponse service(String system, String last, int id) {
        String customer = last.substring("Message from customer ".length(), last.indexOf(':'));
        ObjectNode args = JSON.createObjectNode();
        args.put("customer", customer);
        List<String> menu = new ArrayList<>();
        for (String line : system.split("\n")) {
            if (line.startsWith("- ")) {
                menu.add(line.substring(2, line.lastIndexOf(": ")));
            }
        }
        ArrayNode lines = JSON.createArrayNode();
        int at = last.indexOf("(items wanted: ");
        if (at >= 0) {
            JsonNode wanted = read(last.substring(at + "(items wanted: ".length(), last.length() - 1));
            for (Iterator<Map.Entry<String, JsonNode>> it = wanted.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> item = it.next();
                if (menu.contains(item.getKey())) {
                    ObjectNode l = lines.addObject();
                    l.put("item", item.getKey());
                    l.put("quantity", item.getValue().asInt());
                }
            }
        }
        if (lines.isEmpty()) {
            args.put("text", "Sorry, we have none of that.");
            return toolCall(id, "reply", args);
        }
        args.set("lines", lines);
        return toolCall(id, "propose", args);
    }

    /** The content of the last user message that is not an error notice. */
    static String lastUser(JsonNode request) {
        JsonNode messages = request.path("messages");
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode m = messages.get(i);
            if (m.path("role").asText().equals("user")
                    && !m.path("content").asText().startsWith("error:")) {
                return m.path("content").asText();
            }
        }
        return "";
    }

    static String line(String text, String prefix) {
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
        }
        throw new IllegalStateException("no line starting with " + prefix);
    }

    static MockResponse toolCall(int id, String name, JsonNode args) {
        return toolCall(id, name, args, true);
    }

    /** {@code usage}: whether the answer reports its tokens (100 in, 10 out). */
    static MockResponse toolCall(int id, String name, JsonNode args, boolean usage) {
        return rawToolCall(id, name, args.toString(), usage);
    }

    static MockResponse rawToolCall(int id, String name, String arguments) {
        return rawToolCall(id, name, arguments, true);
    }

    private static MockResponse rawToolCall(int id, String name, String arguments, boolean reportUsage) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-" + id);
        root.put("object", "chat.completion");
        root.put("created", 1);
        root.put("model", "scripted");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.putNull("content");
        ObjectNode call = message.putArray("tool_calls").addObject();
        call.put("id", "call_" + id);
        call.put("type", "function");
        call.putObject("function").put("name", name).put("arguments", arguments);
        choice.put("finish_reason", "tool_calls");
        if (reportUsage) {
            ObjectNode usage = root.putObject("usage");
            usage.put("prompt_tokens", 100);
            usage.put("completion_tokens", 10);
            usage.put("total_tokens", 110);
        }
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(root.toString());
    }

    static MockResponse status(int code, String body) {
        return new MockResponse()
                .setResponseCode(code)
                .setHeader("Content-Type", "application/json")
                .setBody(body);
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a request is some customer's first turn (system prompt and one user message). */
    static boolean firstTurnOf(JsonNode request, String customer) {
        JsonNode messages = request.path("messages");
        return messages.size() == 2
                && messages.get(0).path("content").asText().contains("customer " + customer + " ")
                && messages.get(1).path("content").asText().startsWith("You start shopping");
    }

    /** Whether a request is an assistant's for the given customer. */
    static boolean isAssistantOf(JsonNode request, String customer) {
        return request.path("messages").get(0).path("content").asText().contains("customer " + customer + " ");
    }
}

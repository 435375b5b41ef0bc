package org.mercato.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback OpenAI-compatible chat endpoint that answers with a tool call by rule after a fixed
 * delay: an assistant searches for its request, messages {@code -Dinquiries=k} (default 1) of the
 * first results in one answer (parallel tool calls, as Magentic's assistants contact several
 * businesses; chosen by its customer number, so sellers share the load), pays the first proposal
 * and is done; a service
 * proposes the wanted items it carries at menu prices or replies that it has none. Counts requests
 * and the requests being served at once; {@code -Dtrace=true} prints each request to stderr when
 * answered (wall ms, the agent, message count, start of the last message).
 */
final class ScriptedChatServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService pool;
    private final long delayMillis;
    final AtomicLong requests = new AtomicLong();
    final AtomicInteger active = new AtomicInteger();

    ScriptedChatServer(long delayMillis, int threads) throws IOException {
        this.delayMillis = delayMillis;
        // without TCP_NODELAY, Nagle's algorithm and delayed ACKs add tens of ms per loopback call
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // each measured run has a new client with its own connections; beyond 200 idle ones the
        // server would close some that a client then reuses (the call is retried, but costs time)
        System.setProperty("sun.net.httpserver.maxIdleConnections", "10000");
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        this.pool = Executors.newFixedThreadPool(threads);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * The delay, or with {@code -Djitter=j} uniform on delay × [1 - j, 1 + j], like a real
     * model's varying latency. Timing only: the answers stay the same, and so does the event log.
     */
    private static long delayMillis(long delay) {
        double jitter = Double.parseDouble(System.getProperty("jitter", "0"));
        if (jitter <= 0) {
            return delay;
        }
        double factor = 1
                + jitter * (2 * java.util.concurrent.ThreadLocalRandom.current().nextDouble() - 1);
        return Math.max(0, Math.round(delay * factor));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void handle(HttpExchange exchange) throws IOException {
        active.incrementAndGet();
        requests.incrementAndGet();
        try {
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            if (delayMillis > 0) {
                Thread.sleep(delayMillis(delayMillis));
            }
            long t0 = System.nanoTime();
            byte[] body = answer(request).getBytes(StandardCharsets.UTF_8);
            if (Boolean.getBoolean("trace")) {
                JsonNode ms = request.path("messages");
                String sys = ms.get(0).path("content").asText();
                String lastMsg = ms.get(ms.size() - 1).path("content").asText();
                String who = sys.lines().findFirst().orElse("").replaceAll(".*?((customer|service)_\\d+).*", "$1");
                System.err.println("TRACE " + (t0 / 1_000_000) + " " + who + " " + ms.size() + " "
                        + lastMsg.replace('\n', ' ').substring(0, Math.min(60, lastMsg.length())));
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(500, -1);
        } finally {
            active.decrementAndGet();
            exchange.close();
        }
    }

    static String answer(JsonNode request) {
        JsonNode messages = request.path("messages");
        String system = messages.get(0).path("content").asText();
        String last = "";
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode m = messages.get(i);
            if (m.path("role").asText().equals("user")
                    && !m.path("content").asText().startsWith("error:")) {
                last = m.path("content").asText();
                break;
            }
        }
        boolean paid = false;
        for (JsonNode m : messages) {
            for (JsonNode call : m.path("tool_calls")) {
                paid |= call.path("function").path("name").asText().equals("pay");
            }
        }
        ObjectNode args = JSON.createObjectNode();
        List<ObjectNode> more = new ArrayList<>();
        String tool;
        if (system.startsWith("You sell")) {
            String customer = last.substring("Message from customer ".length(), last.indexOf(':'));
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
                        lines.addObject()
                                .put("item", item.getKey())
                                .put("quantity", item.getValue().asInt());
                    }
                }
            }
            if (lines.isEmpty()) {
                tool = "reply";
                args.put("text", "Sorry, we have none of that.");
            } else {
                tool = "propose";
                args.set("lines", lines);
            }
        } else if (last.startsWith("You start shopping")) {
            tool = "search";
            args.put("query", line(system, "The customer's request: "));
        } else if (last.startsWith("Search results")) {
            List<String> ids = new ArrayList<>();
            for (String line : last.split("\n")) {
                int id = line.indexOf(". id ");
                if (id > 0) {
                    ids.add(line.substring(id + ". id ".length(), line.indexOf(':', id)));
                }
            }
            if (ids.isEmpty()) {
                tool = "done";
                args.put("reason", "no-results");
            } else {
                String self = line(system, "You are a shopping assistant acting for customer ");
                tool = "message";
                int first = Math.floorMod(self.hashCode(), ids.size());
                int inquiries = Math.min(ids.size(), Integer.getInteger("inquiries", 1));
                for (int k = 0; k < inquiries; k++) {
                    ObjectNode inquiry = k == 0 ? args : JSON.createObjectNode();
                    inquiry.put("to", ids.get((first + k) % ids.size()));
                    inquiry.put("text", "Please send me a proposal.");
                    ArrayNode items = inquiry.putArray("items");
                    read(line(system, "Items wanted (item: quantity): "))
                            .fieldNames()
                            .forEachRemaining(items::add);
                    if (k > 0) {
                        more.add(inquiry);
                    }
                }
            }
        } else if (last.startsWith("Proposal ") && paid) {
            tool = "wait";
            args.put("seconds", 1);
        } else if (last.startsWith("Proposal ")) {
            tool = "pay";
            args.put("proposal", last.substring("Proposal ".length(), last.indexOf(" from ")));
        } else {
            tool = "done";
            args.put("reason", paid || last.startsWith("Your payment") ? "purchased" : "no-proposal");
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-" + messages.size());
        root.put("object", "chat.completion");
        root.put("created", 1);
        root.put("model", "scripted");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.putNull("content");
        ObjectNode call = message.putArray("tool_calls").addObject();
        call.put("id", "call_" + messages.size());
        call.put("type", "function");
        call.putObject("function").put("name", tool).put("arguments", args.toString());
        for (int k = 0; k < more.size(); k++) {
            ObjectNode extra = message.withArray("tool_calls").addObject();
            extra.put("id", "call_" + messages.size() + "_" + (k + 1));
            extra.put("type", "function");
            extra.putObject("function")
                    .put("name", tool)
                    .put("arguments", more.get(k).toString());
        }
        choice.put("finish_reason", "tool_calls");
        root.putObject("usage")
                .put("prompt_tokens", 400)
                .put("completion_tokens", 20)
                .put("total_tokens", 420);
        return root.toString();
    }

    private static String line(String text, String prefix) {
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
        }
        return "";
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}

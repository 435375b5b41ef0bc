package org.mercato.gateway.turns;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.mercato.gateway.wire.WireCodec;

/**
 * An outside shopper on its own thread, over the gateway's HTTP API on loopback as any client
 * would: it long-polls for turns and, per agent, searches for the customer's request at its start,
 * asks the first listing, pays its proposal and says done once paid. It answers every turn, the
 * later visits' too, until the run ends, except the turns {@code withheld} names (left to time out).
 */
final class HttpShopper implements AutoCloseable {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;
    private final Predicate<JsonNode> withheld;
    private final Thread thread;
    /** Every turn handed out, by agent, in order. */
    final Map<String, List<JsonNode>> turns = new ConcurrentHashMap<>();
    /** What the gateway answered to an answer other than 200 (status and body). */
    final List<String> refusals = new CopyOnWriteArrayList<>();

    private volatile boolean ended;
    private volatile Throwable failure;

    HttpShopper(URI gateway, String token, Predicate<JsonNode> withheld) {
        this.base = gateway;
        this.token = token;
        this.withheld = withheld;
        this.thread = new Thread(this::loop, "http-shopper");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            while (!ended) {
                HttpResponse<String> polled = send(
                        HttpRequest.newBuilder(base.resolve("v1/turns?wait=1")).GET());
                if (polled.statusCode() == 410) {
                    return;
                }
                JsonNode body = WireCodec.JSON.readTree(polled.body());
                for (JsonNode turn : body.get("turns")) {
                    String agent = turn.get("agent").asText();
                    turns.computeIfAbsent(agent, a -> new CopyOnWriteArrayList<>())
                            .add(turn);
                    if (!withheld.test(turn)) {
                        answer(turn, actions(turn));
                    }
                }
                if (body.get("ended").asBoolean()) {
                    ended = true;
                }
            }
        } catch (Throwable e) {
            failure = e;
        }
    }

    private void answer(JsonNode turn, List<String> actions) throws Exception {
        String path = "v1/turns/" + turn.get("agent").asText() + "/"
                + turn.get("turn").asLong();
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"actions\":[" + String.join(",", actions) + "]}")));
        if (response.statusCode() != 200) {
            refusals.add(response.statusCode() + " " + response.body());
        }
    }

    /** The shopper's answer: it reads the turn's observations in order (a return visit's start comes after held deliveries). */
    private static List<String> actions(JsonNode turn) {
        List<String> actions = new ArrayList<>();
        for (JsonNode seen : turn.get("observations")) {
            switch (seen.get("type").asText()) {
                case "started" ->
                    actions.add("{\"type\":\"search\",\"query\":\""
                            + seen.path("customer").path("request").asText() + "\"}");
                case "search-results" ->
                    actions.add("{\"type\":\"message\",\"to\":\""
                            + seen.path("listings").path(0).path("service").asText()
                            + "\",\"text\":\"one pizza, please\",\"items\":{\"pizza\":1}}");
                case "proposal" ->
                    actions.add("{\"type\":\"pay\",\"proposalId\":\""
                            + seen.path("proposal").path("id").asText() + "\"}");
                case "payment-settled" -> actions.add("{\"type\":\"done\",\"reason\":\"purchased\"}");
                case "rejected" -> actions.add("{\"type\":\"done\",\"reason\":\"gave-up\"}");
                default -> {}
            }
        }
        return actions;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(
                request.header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Waits (up to 10 s) for the client to stop after the run ended; rethrows what broke it. */
    void awaitEnd() throws Exception {
        thread.join(10_000);
        if (failure != null) {
            throw new AssertionError("the HTTP shopper failed", failure);
        }
        if (thread.isAlive()) {
            throw new AssertionError("the HTTP shopper did not stop within 10 s of the run's end");
        }
    }

    @Override
    public void close() {
        ended = true;
        thread.interrupt();
    }
}

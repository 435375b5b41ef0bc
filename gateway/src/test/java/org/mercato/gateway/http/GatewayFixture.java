package org.mercato.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mercato.gateway.turns.DeskDriver;
import org.mercato.gateway.turns.ExternalGroup;
import org.mercato.gateway.turns.TurnDesk;
import org.mercato.gateway.wire.WireCodec;

/** A desk with a shopper group (two agents) and a seller group (one), a gateway on loopback, and HTTP helpers. */
final class GatewayFixture implements AutoCloseable {
    static final String SHOPPER_TOKEN = "shopper-token-0123456789abcdef";
    static final String SELLER_TOKEN = "seller-token-fedcba9876543210";

    final TurnDesk desk = new TurnDesk();
    final ExternalGroup shoppers = new ExternalGroup(
            "shoppers", ExternalGroup.Role.ASSISTANT, List.of("a1", "a2"), SHOPPER_TOKEN, Duration.ofSeconds(20));
    final ExternalGroup sellers = new ExternalGroup(
            "sellers", ExternalGroup.Role.SERVICE, List.of("s1"), SELLER_TOKEN, Duration.ofSeconds(20));
    final List<GatewayAudit.Refusal> refusals = new CopyOnWriteArrayList<>();
    final DeskDriver driver;
    final Gateway gateway;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    GatewayFixture() {
        this(GatewaySettings.defaults());
    }

    GatewayFixture(GatewaySettings settings) {
        desk.register(shoppers);
        desk.register(sellers);
        driver = new DeskDriver(desk);
        gateway = Gateway.start(settings, desk, refusals::add);
    }

    URI uri(String path) {
        return gateway.url().resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(
                request.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return WireCodec.JSON.readTree(response.body());
    }

    static List<JsonNode> observations(String... json) throws IOException {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (String text : json) {
            out.add(WireCodec.JSON.readTree(text));
        }
        return out;
    }

    /**
     * The count of {@code kind} once it reached {@code expected} (up to 5 s): a request is timed
     * when its handling is over, just after the client has its response.
     */
    long awaitCount(RequestKind kind, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (gateway.stats().of(kind).count() < expected && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        return gateway.stats().of(kind).count();
    }

    @Override
    public void close() {
        desk.end();
        gateway.close();
        driver.close();
    }
}

package org.mercato.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mercato.gateway.wire.WireCodec;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.protocol.AssistantStarted;
import org.mercato.sim.protocol.OrderDelivered;

class OpenApiDocumentTest {
    private static final Path DOCS_COPY = Path.of("..", "docs", "gateway-openapi.json");

    @Test
    void theServedDocumentIsTheOneInDocsByteForByteWithoutAToken() throws Exception {
        byte[] docs = Files.readAllBytes(DOCS_COPY);
        assertThat(Gateway.openApiDocument()).isEqualTo(docs);
        try (GatewayFixture fixture = new GatewayFixture()) {
            HttpResponse<byte[]> response = fixture.http.send(
                    java.net.http.HttpRequest.newBuilder(fixture.uri(ApiServlet.OPENAPI_PATH))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(response.body()).isEqualTo(docs);
        }
    }

    @Test
    void everyRouteTheServerAnswersIsDocumentedAndEveryDocumentedRouteIsAnswered() throws Exception {
        JsonNode document = WireCodec.JSON.readTree(Gateway.openApiDocument());
        assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
        JsonNode paths = document.get("paths");
        int documented = 0;
        for (var path = paths.fields(); path.hasNext(); ) {
            var entry = path.next();
            for (var method = entry.getValue().fieldNames(); method.hasNext(); ) {
                String route = method.next().toUpperCase(java.util.Locale.ROOT) + " " + entry.getKey();
                assertThat(ApiServlet.ROUTES)
                        .as("documented route %s is served", route)
                        .contains(route);
                documented++;
            }
        }
        for (String route : ApiServlet.ROUTES) {
            String[] methodAndPath = route.split(" ", 2);
            assertThat(paths.path(methodAndPath[1]).has(methodAndPath[0].toLowerCase(java.util.Locale.ROOT)))
                    .as("served route %s is documented", route)
                    .isTrue();
        }
        assertThat(documented).isEqualTo(ApiServlet.ROUTES.size());

        // ROUTES is what the servlet really answers: each answers with something other than "no route".
        try (GatewayFixture fixture = new GatewayFixture()) {
            for (String route : ApiServlet.ROUTES) {
                String[] methodAndPath = route.split(" ", 2);
                String path = methodAndPath[1].replace("{agent}", "a1").replace("{turn}", "0");
                HttpResponse<String> response = methodAndPath[0].equals("GET")
                        ? fixture.get(path, GatewayFixture.SHOPPER_TOKEN)
                        : fixture.post(path, GatewayFixture.SHOPPER_TOKEN, "{\"actions\":[]}");
                assertThat(response.statusCode()).as(route).isNotEqualTo(404);
                assertThat(response.body()).as(route).doesNotContain("no route");
            }
            assertThat(fixture.get("/v1/turns/a1/0", GatewayFixture.SHOPPER_TOKEN)
                            .statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void theObservationSchemaNamesEveryKeyOfAReturnVisitsStartAndOfADelivery() throws Exception {
        JsonNode observation =
                WireCodec.JSON.readTree(Gateway.openApiDocument()).at("/components/schemas/Observation");
        Customer customer = new Customer(
                "c0",
                "c0",
                "pizza",
                new java.util.TreeMap<>(java.util.Map.of("pizza", 1)),
                new java.util.TreeMap<>(java.util.Map.of("pizza", 1_500L)),
                new java.util.TreeSet<>(),
                5_000);
        for (JsonNode wire : java.util.List.of(
                WireCodec.observation(new AssistantStarted(customer, 2)),
                WireCodec.observation(new OrderDelivered("s0-p1", "s0", 0.3)))) {
            assertThat(observation.at("/properties/type/enum").toString())
                    .contains("\"" + wire.get("type").asText() + "\"");
            wire.fieldNames()
                    .forEachRemaining(
                            key -> assertThat(observation.get("properties").has(key))
                                    .as("the wire key %s of %s is documented", key, wire)
                                    .isTrue());
        }
    }
}

package org.mercato.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class GatewayHttpTest {
    private static final String STARTED =
            "{\"type\":\"started\",\"customer\":{\"id\":\"a1\",\"request\":\"two tacos\",\"budget\":2000}}";

    private GatewayFixture fixture;
    private ListAppender<ILoggingEvent> logs;
    private Logger root;

    @BeforeEach
    void start() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        fixture = new GatewayFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
        root.detachAppender(logs);
        // No token in any log line, refusal record or (checked per test) response.
        assertThat(logs.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(line ->
                        line.contains(GatewayFixture.SHOPPER_TOKEN) || line.contains(GatewayFixture.SELLER_TOKEN));
        assertThat(fixture.refusals)
                .extracting(GatewayAudit.Refusal::line)
                .noneMatch(line ->
                        line.contains(GatewayFixture.SHOPPER_TOKEN) || line.contains(GatewayFixture.SELLER_TOKEN));
    }

    @Test
    void listensOnLoopbackOnlyByDefault() {
        assertThat(fixture.gateway.url().getHost()).isEqualTo("127.0.0.1");
        assertThat(fixture.gateway.url().getPort()).isPositive();
        assertThat(fixture.gateway.url().toString()).endsWith("/");
    }

    @Test
    void agentsNamesTheTokensGroupRoleAndAgents() throws Exception {
        JsonNode body = GatewayFixture.json(fixture.get("/v1/agents", GatewayFixture.SELLER_TOKEN));
        assertThat(body.toString()).isEqualTo("{\"group\":\"sellers\",\"role\":\"service\",\"agents\":[\"s1\"]}");
        assertThat(fixture.desk.connected(fixture.sellers)).isTrue();
        assertThat(fixture.desk.connected(fixture.shoppers)).isFalse();
    }

    @Test
    void aTurnIsPolledAnsweredAndItsActionsReachThePolicy() throws Exception {
        CompletableFuture<String> outcome = fixture.driver.open("a1", 0, 1_000, GatewayFixture.observations(STARTED));
        HttpResponse<String> polled = fixture.get("/v1/turns?wait=5", GatewayFixture.SHOPPER_TOKEN);
        assertThat(polled.statusCode()).isEqualTo(200);
        assertThat(polled.body())
                .isEqualTo("{\"turns\":[{\"agent\":\"a1\",\"turn\":0,\"time\":1000,\"observations\":[" + STARTED
                        + "]}],\"ended\":false}");
        // Handed out once: the next short poll is empty, pending=all shows it again.
        assertThat(fixture.get("/v1/turns", GatewayFixture.SHOPPER_TOKEN).body())
                .isEqualTo("{\"turns\":[],\"ended\":false}");
        assertThat(GatewayFixture.json(fixture.get("/v1/turns?pending=all", GatewayFixture.SHOPPER_TOKEN))
                        .at("/turns/0/turn")
                        .asLong())
                .isZero();

        HttpResponse<String> answered = fixture.post(
                "/v1/turns/a1/0",
                GatewayFixture.SHOPPER_TOKEN,
                "{\"actions\":[{\"type\":\"search\",\"query\":\"tacos\"}]}");
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).isEqualTo("{\"accepted\":true}");
        assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo("answered [{\"type\":\"search\",\"query\":\"tacos\"}]");
        assertThat(fixture.awaitCount(RequestKind.HTTP_ANSWER, 1)).isEqualTo(1);
        assertThat(fixture.gateway.stats().turnAnswers().count()).isEqualTo(1);
    }

    @Test
    void aLongPollWakesUpWhenATurnOpens() throws Exception {
        CompletableFuture<HttpResponse<String>> poll = CompletableFuture.supplyAsync(() -> {
            try {
                return fixture.get("/v1/turns?wait=20&agent=a2", GatewayFixture.SHOPPER_TOKEN);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        long opened = System.nanoTime();
        fixture.driver.open("a2", 0, 5, GatewayFixture.observations(STARTED));
        HttpResponse<String> response = poll.get(10, TimeUnit.SECONDS);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - opened)).isLessThan(5_000);
        assertThat(GatewayFixture.json(response).at("/turns/0/agent").asText()).isEqualTo("a2");
        // The poll's wait is not gateway time.
        assertThat(fixture.gateway.stats().of(RequestKind.POLL).maxMicros()).isLessThan(150_000);
    }

    @Test
    void aMissingOrUnknownTokenIs401AndAudited() throws Exception {
        HttpResponse<String> missing = fixture.get("/v1/turns", null);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(GatewayFixture.json(missing).get("error").asText()).contains("missing bearer token");

        String wrong = GatewayFixture.SHOPPER_TOKEN + "x";
        HttpResponse<String> unknown = fixture.post("/v1/turns/a1/0", wrong, "{\"actions\":[]}");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"unknown token\"}").doesNotContain(wrong);
        assertThat(fixture.refusals).extracting(GatewayAudit.Refusal::status).containsExactly(401, 401);
        assertThat(fixture.desk.connected(fixture.shoppers)).isFalse();
    }

    @Test
    void anotherGroupsTokenCannotActForAnAgent() throws Exception {
        CompletableFuture<String> outcome = fixture.driver.open("a1", 0, 1_000, GatewayFixture.observations(STARTED));
        fixture.driver.awaitOpen("a1");
        HttpResponse<String> answer =
                fixture.post("/v1/turns/a1/0", GatewayFixture.SELLER_TOKEN, "{\"actions\":[{\"type\":\"done\"}]}");
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).isEqualTo("{\"error\":\"agent a1 is not one of group sellers's agents\"}");
        HttpResponse<String> peek = fixture.get("/v1/turns?agent=a1", GatewayFixture.SELLER_TOKEN);
        assertThat(peek.statusCode()).isEqualTo(403);

        assertThat(fixture.refusals).hasSize(2).allSatisfy(refusal -> {
            assertThat(refusal.status()).isEqualTo(403);
            assertThat(refusal.group()).isEqualTo("sellers");
        });
        assertThat(fixture.refusals.get(0).line())
                .isEqualTo("rejected POST /v1/turns/a1/0 status=403 group=sellers"
                        + " reason=agent a1 is not one of group sellers's agents");
        assertThat(logs.list)
                .filteredOn(event -> event.getLoggerName().equals("mercato.gateway"))
                .isEmpty(); // the fixture's audit collects instead of logging
        assertThat(outcome).isNotDone();
    }

    @Test
    void theDefaultAuditWritesARejectedLineToTheGatewayLogger() {
        GatewayAudit.toLog().refused(new GatewayAudit.Refusal(403, "POST", "/v1/turns/a1/0", "sellers", "not yours"));
        assertThat(logs.list)
                .filteredOn(event -> event.getLoggerName().equals("mercato.gateway"))
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("rejected POST /v1/turns/a1/0 status=403 group=sellers reason=not yours");
    }

    @Test
    void anOversizedBodyIs413AndTheTurnStaysOpen() throws Exception {
        CompletableFuture<String> outcome = fixture.driver.open("a1", 0, 1_000, GatewayFixture.observations(STARTED));
        fixture.driver.awaitOpen("a1");
        // 4 MiB: the client is still sending when the gateway refuses; it must still read the 413.
        String huge = "{\"actions\":[{\"type\":\"search\",\"query\":\"" + "x".repeat(4 << 20) + "\"}]}";
        HttpResponse<String> response = fixture.post("/v1/turns/a1/0", GatewayFixture.SHOPPER_TOKEN, huge);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(GatewayFixture.json(response).get("error").asText()).contains("over the gateway's limit");
        // The refused body was read off the connection, so the client's next requests on it work.
        for (int i = 0; i < 5; i++) {
            assertThat(fixture.post("/v1/turns/a1/0", GatewayFixture.SHOPPER_TOKEN, huge)
                            .statusCode())
                    .isEqualTo(413);
            assertThat(fixture.get("/v1/agents", GatewayFixture.SHOPPER_TOKEN).statusCode())
                    .isEqualTo(200);
        }
        // Chunked (no declared length): cut off after the limit.
        HttpResponse<String> chunked = fixture.http.send(
                java.net.http.HttpRequest.newBuilder(fixture.uri("/v1/turns/a1/0"))
                        .header("Authorization", "Bearer " + GatewayFixture.SHOPPER_TOKEN)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(
                                        huge.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(outcome).isNotDone();
        assertThat(fixture.post("/v1/turns/a1/0", GatewayFixture.SHOPPER_TOKEN, "{\"actions\":[]}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo("answered []");
    }

    @Test
    void malformedJsonAndInvalidActionsAre400WithClearErrorsAndTheTurnStaysOpen() throws Exception {
        CompletableFuture<String> outcome = fixture.driver.open("a1", 0, 1_000, GatewayFixture.observations(STARTED));
        fixture.driver.awaitOpen("a1");
        HttpResponse<String> malformed = fixture.post("/v1/turns/a1/0", GatewayFixture.SHOPPER_TOKEN, "{\"actions\":[");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(GatewayFixture.json(malformed).get("error").asText())
                .isEqualTo("malformed JSON at line 1, column 13: Unexpected end-of-input:"
                        + " expected close marker for Array");
        HttpResponse<String> notAnObject = fixture.post("/v1/turns/a1/0", GatewayFixture.SHOPPER_TOKEN, "[1,2]");
        assertThat(GatewayFixture.json(notAnObject).get("error").asText())
                .isEqualTo("the body must be a JSON object {\"actions\": [...]}");
        HttpResponse<String> invalid = fixture.post(
                "/v1/turns/a1/0",
                GatewayFixture.SHOPPER_TOKEN,
                "{\"actions\":[{\"type\":\"search\",\"query\":\"x\"},{\"type\":\"pay\"}]}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(GatewayFixture.json(invalid).get("error").asText())
                .isEqualTo("actions[1]: pay needs \"proposalId\" (a string)");
        HttpResponse<String> badTurn =
                fixture.post("/v1/turns/a1/zero", GatewayFixture.SHOPPER_TOKEN, "{\"actions\":[]}");
        assertThat(badTurn.statusCode()).isEqualTo(400);
        assertThat(outcome).isNotDone();

        assertThat(fixture.post(
                                "/v1/turns/a1/0",
                                GatewayFixture.SHOPPER_TOKEN,
                                "{\"actions\":[{\"type\":\"done\",\"reason\":\"x\"}]}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo("answered [{\"type\":\"done\",\"reason\":\"x\"}]");
        // After done, and for a turn that is not open: 409.
        HttpResponse<String> afterDone =
                fixture.post("/v1/turns/a1/1", GatewayFixture.SHOPPER_TOKEN, "{\"actions\":[]}");
        assertThat(afterDone.statusCode()).isEqualTo(409);
        assertThat(GatewayFixture.json(afterDone).get("error").asText()).contains("is done");
    }

    @Test
    void afterTheRunEndedAnswersAre410AndPollsSayEnded() throws Exception {
        CompletableFuture<String> outcome = fixture.driver.open("a1", 0, 1_000, GatewayFixture.observations(STARTED));
        fixture.driver.awaitOpen("a1");
        fixture.desk.end();
        assertThat(outcome.get(5, TimeUnit.SECONDS)).startsWith("gone: ");
        HttpResponse<String> answer = fixture.post("/v1/turns/a1/0", GatewayFixture.SHOPPER_TOKEN, "{\"actions\":[]}");
        assertThat(answer.statusCode()).isEqualTo(410);
        assertThat(answer.body()).isEqualTo("{\"error\":\"the run has ended\"}");
        assertThat(fixture.get("/v1/turns?wait=30", GatewayFixture.SHOPPER_TOKEN)
                        .body())
                .isEqualTo("{\"turns\":[],\"ended\":true}");
    }

    @Test
    void badQueryParametersAndUnknownRoutesGetJsonErrors() throws Exception {
        assertThat(fixture.get("/v1/turns?wait=61", GatewayFixture.SHOPPER_TOKEN)
                        .statusCode())
                .isEqualTo(400);
        assertThat(fixture.get("/v1/turns?wait=soon", GatewayFixture.SHOPPER_TOKEN)
                        .statusCode())
                .isEqualTo(400);
        assertThat(fixture.get("/v1/turns?pending=some", GatewayFixture.SHOPPER_TOKEN)
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> unknown = fixture.get("/v1/nothing", GatewayFixture.SHOPPER_TOKEN);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"no route GET /v1/nothing (see /v1/openapi.json)\"}");
        HttpResponse<String> put = fixture.http.send(
                java.net.http.HttpRequest.newBuilder(fixture.uri("/v1/turns/a1/0"))
                        .header("Authorization", "Bearer " + GatewayFixture.SHOPPER_TOKEN)
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.body()).isEqualTo("{\"error\":\"method PUT is not served (see /v1/openapi.json)\"}");
    }

    @Test
    void anotherInterfaceIsBoundOnlyWhenAskedFor() {
        GatewaySettings settings = GatewaySettings.defaults().at("127.0.0.2", 0);
        try (GatewayFixture other = new GatewayFixture(settings)) {
            assertThat(other.gateway.url().getHost()).isEqualTo("127.0.0.2");
        }
    }
}

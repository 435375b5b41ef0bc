package org.mercato.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GatewayMcpTest {
    private static final String STARTED =
            "{\"type\":\"started\",\"customer\":{\"id\":\"a1\",\"request\":\"two tacos\",\"budget\":2000}}";
    private static final String RESULTS =
            "{\"type\":\"search-results\",\"query\":\"tacos\",\"page\":0,\"totalPages\":1,\"listings\":[]}";

    private final GatewayFixture fixture = new GatewayFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachRoleSeesItsOwnToolsWithDescriptionsAndSchemas() {
        try (McpSyncClient shopper = McpClients.connect(fixture.gateway.url(), GatewayFixture.SHOPPER_TOKEN);
                McpSyncClient seller = McpClients.connect(fixture.gateway.url(), GatewayFixture.SELLER_TOKEN)) {
            assertThat(shopper.getServerInstructions()).contains("cents").contains("next_turn");
            List<McpSchema.Tool> tools = shopper.listTools().tools();
            assertThat(tools)
                    .extracting(McpSchema.Tool::name)
                    .containsExactlyInAnyOrder(
                            "next_turn", "search", "message", "pay", "decline", "wait", "done", "act");
            McpSchema.Tool pay = tools.stream()
                    .filter(tool -> tool.name().equals("pay"))
                    .findFirst()
                    .orElseThrow();
            assertThat(pay.description()).contains("proposal").contains("cents").contains("id");
            assertThat((List<Object>) pay.inputSchema().get("required")).containsExactly("proposalId");
            assertThat((Map<String, Object>) pay.inputSchema().get("properties"))
                    .containsKeys("agent", "proposalId", "amount");
            assertThat(seller.listTools().tools())
                    .extracting(McpSchema.Tool::name)
                    .containsExactlyInAnyOrder("next_turn", "reply", "propose", "wait", "act");
        }
    }

    @Test
    void anActionToolAnswersTheOpenTurnAndReturnsTheNextOne() throws Exception {
        try (McpSyncClient shopper = McpClients.connect(fixture.gateway.url(), GatewayFixture.SHOPPER_TOKEN)) {
            CompletableFuture<String> first = fixture.driver.open("a1", 0, 1_000, GatewayFixture.observations(STARTED));
            JsonNode turn = McpClients.call(shopper, "next_turn", Map.of("agent", "a1", "wait", 5));
            assertThat(turn.toString())
                    .isEqualTo("{\"turn\":{\"agent\":\"a1\",\"turn\":0,\"time\":1000,\"observations\":[" + STARTED
                            + "]}}");
            first.thenRun(() -> {
                try {
                    fixture.driver.open("a1", 1, 2_000, GatewayFixture.observations(RESULTS));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            JsonNode searched = McpClients.call(shopper, "search", Map.of("agent", "a1", "query", "tacos"));
            assertThat(first.get(5, TimeUnit.SECONDS))
                    .isEqualTo("answered [{\"type\":\"search\",\"query\":\"tacos\"}]");
            assertThat(searched.get("accepted").asBoolean()).isTrue();
            assertThat(searched.at("/turn/turn").asLong()).isEqualTo(1);
            assertThat(searched.at("/turn/observations/0/type").asText()).isEqualTo("search-results");

            JsonNode invalid = McpClients.call(
                    shopper, "act", Map.of("agent", "a1", "actions", List.of(Map.of("type", "pay", "amount", 5))));
            assertThat(invalid.get("isError").asBoolean()).isTrue();
            assertThat(invalid.get("error").asText()).startsWith("actions[0]: pay needs \"proposalId\" (a string)");

            JsonNode done = McpClients.call(shopper, "done", Map.of("agent", "a1", "reason", "no-suitable-offer"));
            assertThat(done.get("done").asBoolean()).isTrue();
            JsonNode after = McpClients.call(shopper, "wait", Map.of("agent", "a1", "seconds", 5));
            assertThat(after.get("isError").asBoolean()).isTrue();
            assertThat(after.get("error").asText()).contains("is done");
            assertThat(fixture.awaitCount(RequestKind.MCP_ACTION, 4)).isEqualTo(4);
        }
    }

    @Test
    void withReturnVisitsDoneEndsTheVisitAndNextTurnWaitsForTheNextVisit() throws Exception {
        fixture.desk.returnVisits(true);
        try (McpSyncClient shopper = McpClients.connect(fixture.gateway.url(), GatewayFixture.SHOPPER_TOKEN)) {
            CompletableFuture<String> first = fixture.driver.open("a1", 0, 1_000, GatewayFixture.observations(STARTED));
            McpClients.call(shopper, "next_turn", Map.of("agent", "a1", "wait", 5));
            JsonNode done = McpClients.call(shopper, "done", Map.of("agent", "a1", "reason", "purchased"));
            assertThat(first.get(5, TimeUnit.SECONDS)).contains("\"type\":\"done\"");
            assertThat(done.has("done")).isFalse();
            assertThat(done.get("visitOver").asBoolean()).isTrue();
            assertThat(done.get("note").asText()).contains("call next_turn");
            // between visits an action has no turn to answer, and next_turn waits rather than saying done
            JsonNode early = McpClients.call(shopper, "search", Map.of("agent", "a1", "query", "tacos"));
            assertThat(early.get("error").asText()).contains("visit is over");
            JsonNode none = McpClients.call(shopper, "next_turn", Map.of("agent", "a1", "wait", 0));
            assertThat(none.get("turn").isNull()).isTrue();
            assertThat(none.get("note").asText()).contains("its visit is over");

            String returning = STARTED.substring(0, STARTED.length() - 1) + ",\"visit\":1}";
            CompletableFuture<String> second =
                    fixture.driver.open("a1", 1, 9_000, GatewayFixture.observations(returning));
            JsonNode next = McpClients.call(shopper, "next_turn", Map.of("agent", "a1", "wait", 5));
            assertThat(next.at("/turn/turn").asLong()).isEqualTo(1);
            assertThat(next.at("/turn/observations/0/visit").asInt()).isEqualTo(1);
            McpClients.call(shopper, "next_turn", Map.of("agent", "a1", "wait", 0)); // passes the shown turn
            assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("answered []");
        }
    }

    @Test
    void withOneAgentTheAgentArgumentMayBeLeftOutAndAnUnansweredShownTurnIsPassed() throws Exception {
        try (McpSyncClient seller = McpClients.connect(fixture.gateway.url(), GatewayFixture.SELLER_TOKEN)) {
            CompletableFuture<String> first = fixture.driver.open(
                    "s1", 0, 10, GatewayFixture.observations("{\"type\":\"message\",\"from\":\"a1\",\"text\":\"hi\"}"));
            assertThat(McpClients.call(seller, "next_turn", Map.of())
                            .at("/turn/agent")
                            .asText())
                    .isEqualTo("s1");
            JsonNode again = McpClients.call(seller, "next_turn", Map.of("wait", 0));
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("answered []");
            assertThat(again.get("turn").isNull()).isTrue();
            assertThat(again.get("note").asText()).contains("call next_turn");
        }
    }

    @Test
    void anotherGroupsAgentIsRefusedAndAudited() throws Exception {
        try (McpSyncClient seller = McpClients.connect(fixture.gateway.url(), GatewayFixture.SELLER_TOKEN)) {
            CompletableFuture<String> outcome =
                    fixture.driver.open("a1", 0, 1_000, GatewayFixture.observations(STARTED));
            fixture.driver.awaitOpen("a1");
            JsonNode refused = McpClients.call(seller, "act", Map.of("agent", "a1", "actions", List.of()));
            assertThat(refused.get("isError").asBoolean()).isTrue();
            assertThat(refused.get("error").asText()).isEqualTo("agent a1 is not one of group sellers's agents");
            JsonNode wrongRole = McpClients.call(seller, "search", Map.of("query", "tacos"));
            assertThat(wrongRole.get("error").asText()).contains("search is a tool of assistant agents");
            assertThat(fixture.refusals).singleElement().satisfies(refusal -> {
                assertThat(refusal.status()).isEqualTo(403);
                assertThat(refusal.group()).isEqualTo("sellers");
                assertThat(refusal.path()).isEqualTo("/mcp tools/call act");
            });
            assertThat(outcome).isNotDone();
        }
    }

    @Test
    void anotherGroupsTokenCannotUseAnMcpSession() {
        var token = new java.util.concurrent.atomic.AtomicReference<>(GatewayFixture.SHOPPER_TOKEN);
        try (McpSyncClient shopper = McpClients.connect(fixture.gateway.url(), token)) {
            token.set(GatewayFixture.SELLER_TOKEN);
            assertThatThrownBy(() -> shopper.listTools()).isNotNull();
            assertThat(fixture.refusals).singleElement().satisfies(refusal -> {
                assertThat(refusal.status()).isEqualTo(403);
                assertThat(refusal.reason()).isEqualTo("this MCP session belongs to another group");
            });
            token.set(GatewayFixture.SHOPPER_TOKEN);
            assertThat(shopper.listTools().tools()).isNotEmpty();
        }
    }

    @Test
    void anUnknownToolIsAClearProtocolError() {
        try (McpSyncClient shopper = McpClients.connect(fixture.gateway.url(), GatewayFixture.SHOPPER_TOKEN)) {
            assertThatThrownBy(() -> shopper.callTool(new McpSchema.CallToolRequest("steal", Map.of())))
                    .isInstanceOf(McpError.class)
                    .satisfies(e -> assertThat(
                                    ((McpError) e).getJsonRpcError().data().toString())
                            .contains("steal"));
            // The session still works.
            assertThat(shopper.listTools().tools()).isNotEmpty();
        }
    }

    @Test
    void aMissingOrWrongTokenCannotOpenASession() {
        assertThatThrownBy(() ->
                        McpClients.connect(fixture.gateway.url(), (String) null).close())
                .hasStackTraceContaining("McpHttpClientTransportAuthorizationException");
        assertThatThrownBy(
                        () -> McpClients.connect(fixture.gateway.url(), "nope").close())
                .hasStackTraceContaining("McpHttpClientTransportAuthorizationException");
        assertThat(fixture.refusals).extracting(GatewayAudit.Refusal::status).containsOnly(401);
    }

    @Test
    void afterTheRunEndedToolsSaySo() {
        try (McpSyncClient shopper = McpClients.connect(fixture.gateway.url(), GatewayFixture.SHOPPER_TOKEN)) {
            fixture.desk.end();
            JsonNode result = McpClients.call(shopper, "next_turn", Map.of("agent", "a2"));
            assertThat(result.get("ended").asBoolean()).isTrue();
            assertThat(result.get("error").asText()).isEqualTo("the run has ended");
        }
    }
}

package org.mercato.scenarios.external;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mercato.gateway.wire.WireCodec;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.Pay;

/**
 * An outside shopper that talks MCP only, through the SDK's own client: it plays a {@link
 * ScriptedShopper} for one agent, calling the tool of each single action (search, message, pay,
 * decline, wait, done), {@code act} for several and {@code next_turn} for none. With {@code
 * garbageFirst} it first sends what a broken agent would (an unknown tool, invalid actions), which
 * must change nothing. Returns the tools it called, in order.
 */
final class McpShopper implements Callable<List<String>> {
    private final URI gateway;
    private final String token;
    private final String agent;
    private final ScriptedShopper shopper;
    private final boolean garbageFirst;
    private final List<String> called = new ArrayList<>();

    McpShopper(URI gateway, String token, String agent, ScriptedShopper shopper, boolean garbageFirst) {
        this.gateway = gateway;
        this.token = token;
        this.agent = agent;
        this.shopper = shopper;
        this.garbageFirst = garbageFirst;
    }

    @Override
    public List<String> call() {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(gateway.toString())
                .endpoint("/mcp")
                .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper()))
                .httpRequestCustomizer(
                        (request, method, uri, body, context) -> request.header("Authorization", "Bearer " + token))
                .build();
        try (McpSyncClient client =
                McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build()) {
            client.initialize();
            JsonNode result = call(client, "next_turn", Map.of("wait", 30));
            if (garbageFirst) {
                sendGarbage(client);
            }
            while (true) {
                JsonNode turn = result.get("turn");
                if (result.path("done").asBoolean() || result.path("ended").asBoolean()) {
                    return called;
                }
                if (turn == null || turn.isNull()) {
                    result = call(client, "next_turn", Map.of("wait", 30));
                    continue;
                }
                List<ObjectNode> actions = new ArrayList<>();
                for (JsonNode observation : turn.get("observations")) {
                    for (AssistantAction action :
                            shopper.react(observation, turn.get("time").asLong())) {
                        ObjectNode wire = WireCodec.action(action);
                        if (action instanceof Pay) {
                            wire.remove("amount"); // the gateway pays the proposal's total
                        }
                        actions.add(wire);
                    }
                }
                result = answer(client, actions);
            }
        }
    }

    private JsonNode answer(McpSyncClient client, List<ObjectNode> actions) {
        if (actions.isEmpty()) {
            return call(client, "next_turn", Map.of("wait", 30));
        }
        if (actions.size() > 1) {
            return call(client, "act", Map.of("actions", WireCodec.JSON.convertValue(actions, List.class)));
        }
        Map<String, Object> arguments = new LinkedHashMap<>();
        actions.get(0).fields().forEachRemaining(field -> {
            if (!field.getKey().equals("type")) {
                arguments.put(field.getKey(), WireCodec.JSON.convertValue(field.getValue(), Object.class));
            }
        });
        return call(client, actions.get(0).get("type").asText(), arguments);
    }

    private void sendGarbage(McpSyncClient client) {
        try {
            client.callTool(new McpSchema.CallToolRequest("teleport", Map.of("agent", agent)));
            throw new AssertionError("an unknown tool was accepted");
        } catch (McpError expected) {
            called.add("teleport refused");
        }
        JsonNode invalid = call(client, "act", Map.of("actions", List.of(Map.of("type", "pay"), "garbage")));
        if (!invalid.path("isError").asBoolean()) {
            throw new AssertionError("invalid actions were accepted: " + invalid);
        }
        JsonNode wrongKey = call(client, "search", Map.of("query", "tacos", "colour", "red"));
        if (!wrongKey.path("isError").asBoolean()) {
            throw new AssertionError("an unknown key was accepted: " + wrongKey);
        }
    }

    private JsonNode call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        Map<String, Object> withAgent = new LinkedHashMap<>(arguments);
        withAgent.put("agent", agent);
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, withAgent));
        called.add(tool);
        try {
            ObjectNode node = (ObjectNode) WireCodec.JSON.readTree(
                    ((McpSchema.TextContent) result.content().get(0)).text());
            if (Boolean.TRUE.equals(result.isError())) {
                node.put("isError", true);
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

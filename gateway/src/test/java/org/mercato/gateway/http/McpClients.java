package org.mercato.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.mercato.gateway.wire.WireCodec;

/** The MCP Java SDK's own client, pointed at a gateway with a bearer token. */
final class McpClients {
    private McpClients() {}

    static McpSyncClient connect(URI gateway, String token) {
        return connect(gateway, new java.util.concurrent.atomic.AtomicReference<>(token));
    }

    /** A client whose every request carries the token {@code token} holds at the time. */
    static McpSyncClient connect(URI gateway, java.util.concurrent.atomic.AtomicReference<String> token) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(gateway.toString())
                .endpoint("/mcp")
                .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper()))
                .httpRequestCustomizer((request, method, uri, body, context) -> {
                    if (token.get() != null) {
                        request.header("Authorization", "Bearer " + token.get());
                    }
                })
                .build();
        McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(30))
                .initializationTimeout(Duration.ofSeconds(10))
                .build();
        client.initialize();
        return client;
    }

    /** Calls a tool; the result's text as JSON, with {@code "isError"} added when the tool refused. */
    static JsonNode call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, arguments));
        String text = ((McpSchema.TextContent) result.content().get(0)).text();
        try {
            com.fasterxml.jackson.databind.node.ObjectNode node =
                    (com.fasterxml.jackson.databind.node.ObjectNode) WireCodec.JSON.readTree(text);
            if (Boolean.TRUE.equals(result.isError())) {
                node.put("isError", true);
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

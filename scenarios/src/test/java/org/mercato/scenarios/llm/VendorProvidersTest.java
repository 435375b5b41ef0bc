package org.mercato.scenarios.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mercato.agents.llm.AnthropicProvider;
import org.mercato.agents.llm.GeminiProvider;
import org.mercato.agents.llm.LangChainProvider;
import org.mercato.agents.llm.LlmException;
import org.mercato.agents.llm.LlmMessage;
import org.mercato.agents.llm.LlmRequest;
import org.mercato.agents.llm.LlmResponse;
import org.mercato.agents.llm.LlmTool;
import org.mercato.agents.llm.LlmToolCall;
import org.mercato.agents.llm.ProviderSettings;
import org.slf4j.LoggerFactory;

/**
 * The Anthropic and Gemini providers against a loopback server speaking each vendor's wire format:
 * a tool call and its result make a round trip, a 429 is retried, and a rejected key shows up in
 * neither exceptions nor logs.
 */
class VendorProvidersTest {
    private static final String KEY = "sk-vendor-SECRET-9876543210";
    private static final LlmTool SEARCH = new LlmTool(
            "search", "Search the market", List.of(new LlmTool.Param("query", "string", "what to look for", true)));

    private final MockWebServer server = new MockWebServer();
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<JsonNode> bodies = Collections.synchronizedList(new ArrayList<>());
    private volatile Function<Integer, MockResponse> script = n -> null;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                try {
                    bodies.add(ScriptedModel.JSON.readTree(request.getBody().readUtf8()));
                } catch (IOException e) {
                    return new MockResponse().setResponseCode(400);
                }
                requests.add(request);
                return script.apply(requests.size());
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    private static MockResponse status(int code, String body) {
        return json(body).setResponseCode(code);
    }

    private ProviderSettings settings(String kind, String path, int retries) {
        return new ProviderSettings(
                kind, server.url(path).toString(), "scripted-model", 0, 64, "VENDOR_KEY", 2, 5_000, retries, 1);
    }

    private static LangChainProvider provider(ProviderSettings settings) {
        return LangChainProvider.create(settings, Map.of("VENDOR_KEY", KEY)::get);
    }

    private static LlmRequest firstTurn() {
        return new LlmRequest(
                List.of(LlmMessage.system("You shop for customer c1."), LlmMessage.user("You start shopping.")),
                List.of(SEARCH));
    }

    private static LlmRequest secondTurn(LlmToolCall call) {
        return new LlmRequest(
                List.of(
                        LlmMessage.system("You shop for customer c1."),
                        LlmMessage.user("You start shopping."),
                        LlmMessage.assistant("", List.of(call)),
                        LlmMessage.toolResult(call, "Search results: none")),
                List.of(SEARCH));
    }

    private static final String ANTHROPIC_TOOL_USE = """
            {"id":"msg_1","type":"message","role":"assistant","model":"scripted-model",
             "content":[{"type":"tool_use","id":"toolu_7","name":"search","input":{"query":"apples"}}],
             "stop_reason":"tool_use","usage":{"input_tokens":21,"output_tokens":8}}""";

    private static final String ANTHROPIC_TEXT = """
            {"id":"msg_2","type":"message","role":"assistant","model":"scripted-model",
             "content":[{"type":"text","text":"Nothing to buy."}],
             "stop_reason":"end_turn","usage":{"input_tokens":40,"output_tokens":4}}""";

    @Test
    void anthropicToolUseMakesARoundTrip() {
        script = n -> json(n == 1 ? ANTHROPIC_TOOL_USE : ANTHROPIC_TEXT);
        LangChainProvider anthropic = provider(settings("anthropic", "/v1/", 0));
        assertThat(anthropic).isInstanceOf(AnthropicProvider.class);

        LlmResponse first = anthropic.chat(firstTurn());
        assertThat(first.toolCalls()).hasSize(1);
        LlmToolCall use = first.toolCalls().get(0);
        assertThat(use.id()).isEqualTo("toolu_7");
        assertThat(use.name()).isEqualTo("search");
        assertThat(readJson(use.arguments()).path("query").asText()).isEqualTo("apples");
        assertThat(first.inputTokens()).isEqualTo(21);
        assertThat(first.outputTokens()).isEqualTo(8);
        LlmResponse second = anthropic.chat(secondTurn(first.toolCalls().get(0)));
        assertThat(second.text()).isEqualTo("Nothing to buy.");
        assertThat(second.toolCalls()).isEmpty();

        assertThat(requests).allSatisfy(r -> {
            assertThat(r.getPath()).isEqualTo("/v1/messages");
            assertThat(r.getHeader("x-api-key")).isEqualTo(KEY);
        });
        JsonNode opening = bodies.get(0);
        assertThat(opening.path("model").asText()).isEqualTo("scripted-model");
        assertThat(opening.path("system").toString()).contains("You shop for customer c1.");
        assertThat(opening.path("tools").get(0).path("name").asText()).isEqualTo("search");
        assertThat(opening.path("tools")
                        .get(0)
                        .path("input_schema")
                        .path("required")
                        .get(0)
                        .asText())
                .isEqualTo("query");
        JsonNode messages = bodies.get(1).path("messages");
        JsonNode toolUse = messages.get(1).path("content").get(0);
        assertThat(toolUse.path("type").asText()).isEqualTo("tool_use");
        assertThat(toolUse.path("id").asText()).isEqualTo("toolu_7");
        assertThat(toolUse.path("input").path("query").asText()).isEqualTo("apples");
        JsonNode toolResult = messages.get(2).path("content").get(0);
        assertThat(toolResult.path("type").asText()).isEqualTo("tool_result");
        assertThat(toolResult.path("tool_use_id").asText()).isEqualTo("toolu_7");
        assertThat(toolResult.path("content").toString()).contains("Search results: none");
    }

    private static JsonNode readJson(String text) {
        try {
            return ScriptedModel.JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(text, e);
        }
    }

    private static final String GEMINI_CALL = """
            {"candidates":[{"content":{"role":"model",
               "parts":[{"functionCall":{"name":"search","args":{"query":"apples"}}}]},
               "finishReason":"STOP"}],
             "usageMetadata":{"promptTokenCount":17,"candidatesTokenCount":6,"totalTokenCount":23}}""";

    private static final String GEMINI_TEXT = """
            {"candidates":[{"content":{"role":"model","parts":[{"text":"Nothing to buy."}]},
               "finishReason":"STOP"}],
             "usageMetadata":{"promptTokenCount":30,"candidatesTokenCount":4,"totalTokenCount":34}}""";

    @Test
    void geminiFunctionCallMakesARoundTripAfterA429() {
        String limited =
                "{\"error\":{\"code\":429,\"message\":\"Resource exhausted\",\"status\":\"RESOURCE_EXHAUSTED\"}}";
        script = n -> switch (n) {
            case 1 -> status(429, limited);
            case 2 -> json(GEMINI_CALL);
            default -> json(GEMINI_TEXT);
        };
        LangChainProvider gemini = provider(settings("gemini", "/v1beta", 2));
        assertThat(gemini).isInstanceOf(GeminiProvider.class);

        LlmResponse first = gemini.chat(firstTurn());
        assertThat(first.toolCalls()).containsExactly(new LlmToolCall("call_1", "search", "{\"query\":\"apples\"}"));
        assertThat(first.inputTokens()).isEqualTo(17);
        assertThat(first.outputTokens()).isEqualTo(6);
        LlmResponse second = gemini.chat(secondTurn(first.toolCalls().get(0)));
        assertThat(second.text()).isEqualTo("Nothing to buy.");
        assertThat(gemini.httpAttempts()).isEqualTo(3);

        assertThat(requests).allSatisfy(r -> {
            assertThat(r.getPath()).isEqualTo("/v1beta/models/scripted-model:generateContent");
            assertThat(r.getHeader("x-goog-api-key")).isEqualTo(KEY);
        });
        assertThat(bodies.get(0)).isEqualTo(bodies.get(1));
        JsonNode opening = bodies.get(1);
        assertThat(opening.path("systemInstruction").toString()).contains("You shop for customer c1.");
        JsonNode declaration =
                opening.path("tools").get(0).path("functionDeclarations").get(0);
        assertThat(declaration.path("name").asText()).isEqualTo("search");
        assertThat(declaration.path("parameters").toString()).contains("query");
        JsonNode contents = bodies.get(2).path("contents");
        assertThat(contents.toString()).doesNotContain("You shop for customer c1.");
        JsonNode call = contents.get(1).path("parts").get(0).path("functionCall");
        assertThat(call.path("name").asText()).isEqualTo("search");
        assertThat(call.path("args").path("query").asText()).isEqualTo("apples");
        JsonNode response = contents.get(2).path("parts").get(0).path("functionResponse");
        assertThat(response.path("name").asText()).isEqualTo("search");
        assertThat(response.toString()).contains("Search results: none");
    }

    @Test
    void aRejectedKeyIsInNoExceptionOrLogOfEitherVendor() {
        String anthropicBody =
                "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key "
                        + KEY + "\"}}";
        String geminiBody = "{\"error\":{\"code\":400,\"message\":\"API key not valid: " + KEY
                + "\",\"status\":\"INVALID_ARGUMENT\"}}";
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        Level level = root.getLevel();
        root.setLevel(Level.TRACE);
        try {
            script = n -> status(401, anthropicBody);
            rejects(provider(settings("anthropic", "/v1/", 3)), 401);
            script = n -> status(400, geminiBody);
            rejects(provider(settings("gemini", "/v1beta", 3)), 400);
        } finally {
            root.setLevel(level);
            root.detachAppender(logs);
        }
        assertThat(requests).hasSize(2);
        assertThat(logs.list).allSatisfy(event -> {
            assertThat(event.getFormattedMessage()).doesNotContain(KEY);
            assertThat(String.valueOf(
                            event.getThrowableProxy() == null
                                    ? ""
                                    : event.getThrowableProxy().getMessage()))
                    .doesNotContain(KEY);
        });
    }

    private static void rejects(LangChainProvider provider, int status) {
        assertThatThrownBy(() -> provider.chat(firstTurn()))
                .isInstanceOf(LlmException.class)
                .satisfies(e -> {
                    assertThat(((LlmException) e).status()).isEqualTo(status);
                    assertThat(e.getMessage()).contains("HTTP " + status).doesNotContain(KEY);
                    assertThat(e.getCause()).isNull();
                    assertThat(e.toString()).doesNotContain(KEY);
                });
    }
}

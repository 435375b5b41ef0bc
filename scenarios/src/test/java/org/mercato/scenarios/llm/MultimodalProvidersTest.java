package org.mercato.scenarios.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mercato.agents.llm.ImageTokens;
import org.mercato.agents.llm.LangChainProvider;
import org.mercato.agents.llm.LlmImage;
import org.mercato.agents.llm.LlmMessage;
import org.mercato.agents.llm.LlmRequest;
import org.mercato.agents.llm.LlmResponse;
import org.mercato.agents.llm.ProviderIdentity;
import org.mercato.agents.llm.ProviderSettings;
import org.mercato.agents.llm.ResponseCache;

/**
 * Each provider kind sends a page image in its own wire format (OpenAI's {@code image_url} data
 * URL at high detail, Anthropic's base64 {@code image} block, Gemini's {@code inlineData} part),
 * the PNG decoding to the viewport's size; and an image changes the cache key by page and viewport
 * only, never by the PNG bytes.
 */
class MultimodalProvidersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WIDTH = 640;
    private static final int HEIGHT = 400;

    private final MockWebServer server = new MockWebServer();
    private final List<JsonNode> bodies = Collections.synchronizedList(new ArrayList<>());
    private volatile String answer = "";

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                try {
                    bodies.add(JSON.readTree(request.getBody().readUtf8()));
                } catch (IOException e) {
                    return new MockResponse().setResponseCode(400);
                }
                return new MockResponse()
                        .setHeader("Content-Type", "application/json")
                        .setBody(answer);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0xff8800);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static LlmRequest shown(String kind, AtomicInteger rendered) {
        LlmImage page =
                new LlmImage("ab".repeat(32), WIDTH + "x" + HEIGHT, ImageTokens.estimate(kind, WIDTH, HEIGHT), () -> {
                    rendered.incrementAndGet();
                    return png(WIDTH, HEIGHT);
                });
        return new LlmRequest(
                List.of(
                        LlmMessage.system("You shop for customer c1."),
                        LlmMessage.user("Search results for 'tacos', shown in the screenshot.", List.of(page))),
                List.of());
    }

    private LlmResponse chat(String kind, String path) {
        ProviderSettings settings =
                new ProviderSettings(kind, server.url(path).toString(), "vision", 0, 64, "KEY", 1, 5_000, 0, 1);
        AtomicInteger rendered = new AtomicInteger();
        LlmResponse response =
                LangChainProvider.create(settings, Map.of("KEY", "k")::get).chat(shown(kind, rendered));
        assertThat(rendered).hasValue(1);
        return response;
    }

    private static void isThePage(String base64) throws IOException {
        BufferedImage image =
                ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);
        assertThat(image.getRGB(3, 4) & 0xffffff).isEqualTo(0xff8800);
    }

    @Test
    void openAiSendsADataUrlAtHighDetail() throws IOException {
        answer = """
                {"id":"c1","object":"chat.completion","created":1,"model":"vision",
                 "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"seen"}}],
                 "usage":{"prompt_tokens":700,"completion_tokens":2,"total_tokens":702}}""";
        assertThat(chat("openai", "/v1").text()).isEqualTo("seen");

        JsonNode content = bodies.get(0).path("messages").get(1).path("content");
        assertThat(content.get(0).path("type").asText()).isEqualTo("text");
        assertThat(content.get(0).path("text").asText()).startsWith("Search results for 'tacos'");
        JsonNode image = content.get(1);
        assertThat(image.path("type").asText()).isEqualTo("image_url");
        assertThat(image.path("image_url").path("detail").asText()).isEqualTo("high");
        String url = image.path("image_url").path("url").asText();
        assertThat(url).startsWith("data:image/png;base64,");
        isThePage(url.substring("data:image/png;base64,".length()));
    }

    @Test
    void anthropicSendsABase64ImageBlock() throws IOException {
        answer = """
                {"id":"m1","type":"message","role":"assistant","model":"vision",
                 "content":[{"type":"text","text":"seen"}],
                 "stop_reason":"end_turn","usage":{"input_tokens":400,"output_tokens":2}}""";
        assertThat(chat("anthropic", "/v1/").text()).isEqualTo("seen");

        JsonNode content = bodies.get(0).path("messages").get(0).path("content");
        assertThat(content.get(0).path("type").asText()).isEqualTo("text");
        JsonNode image = content.get(1);
        assertThat(image.path("type").asText()).isEqualTo("image");
        assertThat(image.path("source").path("type").asText()).isEqualTo("base64");
        assertThat(image.path("source").path("media_type").asText()).isEqualTo("image/png");
        isThePage(image.path("source").path("data").asText());
    }

    @Test
    void geminiSendsAnInlineDataPart() throws IOException {
        answer = """
                {"candidates":[{"content":{"role":"model","parts":[{"text":"seen"}]},"finishReason":"STOP"}],
                 "usageMetadata":{"promptTokenCount":300,"candidatesTokenCount":2,"totalTokenCount":302}}""";
        assertThat(chat("gemini", "/v1beta").text()).isEqualTo("seen");

        JsonNode parts = bodies.get(0).path("contents").get(0).path("parts");
        assertThat(parts.get(0).path("text").asText()).startsWith("Search results for 'tacos'");
        JsonNode inline = parts.get(1).path("inlineData");
        assertThat(inline.path("mimeType").asText()).isEqualTo("image/png");
        isThePage(inline.path("data").asText());
    }

    @Test
    void theCacheKeyCoversPageAndViewportButNeverThePngBytes() {
        ProviderIdentity model =
                new ProviderSettings("openai", "http://x/v1", "vision", 0, 64, null, 1, 5_000, 0, 1).identity();
        String text = "Search results, shown in the screenshot.";
        LlmRequest red = request(text, new LlmImage("a".repeat(64), "640x400", 1, () -> png(2, 2)));
        LlmRequest blue = request(text, new LlmImage("a".repeat(64), "640x400", 1, () -> png(3, 3)));
        LlmRequest otherPage = request(text, new LlmImage("b".repeat(64), "640x400", 1, () -> png(2, 2)));
        LlmRequest otherSize = request(text, new LlmImage("a".repeat(64), "1280x800", 1, () -> png(2, 2)));
        LlmRequest textOnly = request(text, null);

        assertThat(ResponseCache.key(model, red)).isEqualTo(ResponseCache.key(model, blue));
        assertThat(ResponseCache.key(model, red))
                .isNotEqualTo(ResponseCache.key(model, otherPage))
                .isNotEqualTo(ResponseCache.key(model, otherSize))
                .isNotEqualTo(ResponseCache.key(model, textOnly));
        // a text-only message keys as before images existed: no "images" property at all
        assertThat(ResponseCache.canonical(model, textOnly)).doesNotContain("images");
        assertThat(ResponseCache.canonical(model, red))
                .contains("\"images\":[{\"page\":\"" + "a".repeat(64) + "\",\"viewport\":\"640x400\"}]");
    }

    private static LlmRequest request(String text, LlmImage image) {
        return new LlmRequest(
                List.of(
                        LlmMessage.system("s"),
                        image == null ? LlmMessage.user(text) : LlmMessage.user(text, List.of(image))),
                List.of());
    }
}

package org.mercato.scenarios.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.scenarios.run.RunResult;
import org.mercato.scenarios.run.ScenarioRunner;
import org.mercato.storefront.ChromiumRenderer;

/**
 * A multimodal shopper on a loopback scripted model: the model receives each results page as a PNG
 * of the viewport's size (rendered by headless Chromium) and answers; the run is recorded, then
 * replayed strictly with the model server shut down and Chromium made unavailable, and writes the
 * same events, the same transcripts (outside {@code runtime}) and the same {@code pages/}.
 */
class MultimodalReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The scripted vision model: what it was shown, and its answers by rule. */
    static final class VisionModel extends Dispatcher {
        final AtomicInteger requests = new AtomicInteger();
        final List<int[]> imageSizes = Collections.synchronizedList(new ArrayList<>());

        @Override
        public MockResponse dispatch(RecordedRequest recorded) {
            requests.incrementAndGet();
            JsonNode request;
            try {
                request = JSON.readTree(recorded.getBody().readUtf8());
            } catch (IOException e) {
                return new MockResponse().setResponseCode(400);
            }
            JsonNode messages = request.path("messages");
            JsonNode last = messages.get(messages.size() - 1);
            int id = messages.size();
            String system = messages.get(0).path("content").asText();
            if (last.path("role").asText().equals("user")
                    && last.path("content").isArray()) {
                // a results page as a screenshot: look at it, then ask the first business for a proposal
                for (JsonNode part : last.path("content")) {
                    if (part.path("type").asText().equals("image_url")) {
                        imageSizes.add(size(part.path("image_url").path("url").asText()));
                    }
                }
                ObjectNode args = JSON.createObjectNode();
                args.put("to", "s1");
                args.put("text", "Please send me a proposal.");
                args.putArray("items").add(system.contains("Horchata") ? "Horchata" : "Tacos");
                return call(id, "message", args);
            }
            String text = lastUserText(messages);
            ObjectNode args = JSON.createObjectNode();
            if (text.startsWith("You start shopping")) {
                // two queries, so a market shows more than one distinct results page
                args.put("query", system.contains("Horchata") ? "tacos horchata" : "tacos");
                return call(id, "search", args);
            }
            if (text.startsWith("Proposal ")) {
                args.put("proposal", text.substring("Proposal ".length(), text.indexOf(" from ")));
                return call(id, "pay", args);
            }
            args.put("reason", text.startsWith("Your payment") ? "purchased" : "no-proposal");
            return call(id, "done", args);
        }

        private static String lastUserText(JsonNode messages) {
            for (int i = messages.size() - 1; i >= 0; i--) {
                JsonNode m = messages.get(i);
                if (m.path("role").asText().equals("user") && m.path("content").isTextual()) {
                    return m.path("content").asText();
                }
            }
            return "";
        }

        private static int[] size(String dataUrl) {
            String prefix = "data:image/png;base64,";
            assertThat(dataUrl).startsWith(prefix);
            try {
                BufferedImage image = ImageIO.read(
                        new ByteArrayInputStream(Base64.getDecoder().decode(dataUrl.substring(prefix.length()))));
                return new int[] {image.getWidth(), image.getHeight()};
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A tool call without usage: the images' estimate then counts as the input tokens. */
        private static MockResponse call(int id, String name, JsonNode args) {
            return ScriptedModel.toolCall(id, name, args, false);
        }
    }

    /** The market of a multimodal shopper at {@code baseUrl}; {@code llmExtra} ends its llm section. */
    static String yaml(String baseUrl, String llmExtra) {
        return """
                name: multimodal-market
                seed: 7
                kernel: {networkDelay: 1ms, parallelism: 2}
                market:
                  search: {pageSize: 3}
                  presentation: {layout: grid, rows: 1, columns: 3}
                  services:
                    - {id: s1, menu: {Tacos: 9.50, Horchata: 3.00}, rating: 4.5}
                    - {id: s2, menu: {Tacos: 8.00}, rating: 4.0}
                    - {id: s3, menu: {Burrito: 7.00, Horchata: 2.50}, rating: 3.5}
                  customers:
                    - {id: c1, request: Tacos and a horchata, items: {Tacos: 1, Horchata: 1}, values: {Tacos: 10.00, Horchata: 3.50}}
                    - {id: c2, request: Two tacos, items: {Tacos: 2}, values: {Tacos: 10.00}}
                agents:
                  assistants:
                    - policy: llm-assistant
                      thinkTime: 50ms
                      llm: {baseUrl: '%s', model: vision, timeout: 20s, backoff: 1ms, prefetch: false,
                            page: screenshot, viewport: 640x400, %s}
                  services:
                    - policy: posted-price
                      thinkTime: 100ms
                prices:
                  vision: {input: 1.0, output: 2.0}
                """.formatted(baseUrl, llmExtra);
    }

    private RunResult run(String baseUrl, String cache, Map<String, String> env) throws IOException {
        return LlmMarket.run(dir, LlmMarket.load(dir, yaml(baseUrl, "cache: " + cache)), env);
    }

    @Test
    void theModelSeesScreenshotsAndAStrictReplayNeedsNeitherItNorChromium() throws IOException {
        Assumptions.assumeTrue(ChromiumRenderer.available(), "no chromium at /usr/bin/chromium");
        Path cache = dir.resolve("llm-cache");
        VisionModel model = new VisionModel();
        MockWebServer server = new MockWebServer();
        server.setDispatcher(model);
        server.start();
        String baseUrl = server.url("/v1").toString();
        RunResult recorded;
        try {
            recorded = run(baseUrl, "{mode: record, folder: '" + cache + "'}", Map.of());
        } finally {
            server.shutdown();
        }

        assertThat(model.imageSizes)
                .isNotEmpty()
                .allSatisfy(size -> assertThat(size).containsExactly(640, 400));
        String events = Files.readString(recorded.eventLog());
        assertThat(events).contains("\"reason\":\"purchased\"");
        Path pages = recorded.folder().resolve("pages");
        List<String> pageFiles = files(pages);
        assertThat(pageFiles).isNotEmpty().allSatisfy(f -> assertThat(f).matches("[0-9a-f]{64}\\.html"));
        String transcripts = Files.readString(recorded.folder().resolve(ScenarioRunner.TRANSCRIPTS));
        String firstPage = pageFiles.get(0).substring(0, 64);
        assertThat(transcripts)
                .contains("\"images\":[{\"page\":\"")
                .contains("\"viewport\":\"640x400\"")
                .contains(firstPage);
        long imageTokens = recorded.summary().cost().imageTokens();
        assertThat(imageTokens).isPositive();
        // the server reported no usage: the images' estimate is the input counted and priced
        assertThat(recorded.summary().cost().inputTokens()).isEqualTo(imageTokens);

        RunResult replayed = run(
                "http://127.0.0.1:9/v1",
                "{mode: replay-strict, folder: '" + cache + "'}",
                Map.of("MERCATO_CHROMIUM", dir.resolve("no-chromium").toString()));

        assertThat(Files.readAllBytes(replayed.eventLog())).isEqualTo(Files.readAllBytes(recorded.eventLog()));
        assertThat(withoutRuntime(replayed.folder().resolve(ScenarioRunner.TRANSCRIPTS)))
                .isEqualTo(withoutRuntime(recorded.folder().resolve(ScenarioRunner.TRANSCRIPTS)));
        assertThat(files(replayed.folder().resolve("pages"))).isEqualTo(pageFiles);
        for (String f : pageFiles) {
            assertThat(Files.readAllBytes(replayed.folder().resolve("pages").resolve(f)))
                    .isEqualTo(Files.readAllBytes(pages.resolve(f)));
        }
        assertThat(replayed.summary().cost().httpCalls()).isZero();
        assertThat(replayed.summary().cost().failedCalls()).isZero();
        assertThat(replayed.summary().cost().imageTokens()).isEqualTo(imageTokens);
    }

    @Test
    void withoutChromiumARecordingFailsTheShopperWithOneClearCause() throws IOException {
        VisionModel model = new VisionModel();
        MockWebServer server = new MockWebServer();
        server.setDispatcher(model);
        server.start();
        RunResult run;
        try {
            run = run(
                    server.url("/v1").toString(),
                    "{mode: off}",
                    Map.of("MERCATO_CHROMIUM", dir.resolve("no-chromium").toString()));
        } finally {
            server.shutdown();
        }
        assertThat(model.imageSizes).isEmpty();
        assertThat(run.summary().failures().warnings())
                .anySatisfy(w -> assertThat(w).contains("screenshot failed: chromium not found at"));
    }

    static List<String> files(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> withoutRuntime(Path transcripts) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(transcripts)) {
            ObjectNode node = (ObjectNode) JSON.readTree(line);
            node.remove("runtime");
            out.add(node.toString());
        }
        return out;
    }
}

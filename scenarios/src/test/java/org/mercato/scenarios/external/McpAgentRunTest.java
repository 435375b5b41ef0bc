package org.mercato.scenarios.external;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;
import org.mercato.gateway.wire.WireCodec;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.ExternalFeature;
import org.mercato.scenarios.run.RunResult;
import org.mercato.scenarios.run.ScenarioRunner;
import org.mercato.sim.kernel.KernelListener;

/**
 * A whole run with its shoppers outside the JVM's market: the MCP SDK's own client, through the
 * gateway the run starts, shops with tool calls; garbage comes first (over HTTP, and from one MCP
 * shopper: an unknown tool, invalid actions). The log is the
 * one the same script writes through the desk directly, and the recorded turns replay it byte for
 * byte with no client at all.
 */
class McpAgentRunTest {
    private static final long SEED = 11;
    private static final int SHOPPERS = 2;
    private static final int SERVICES = 4;

    @TempDir
    Path dir;

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void mcpShoppersWriteTheDesksLogAndTheRecordingReplaysItWithoutThem() throws Exception {
        String cache = dir.resolve("cache").toString();
        Scenario recording = ExternalRuns.market(
                SEED, ExternalFeature.POLICY, SHOPPERS, SERVICES, ExternalRuns.external("30s", "record", cache));
        Path liveRoot = dir.resolve("live");
        Future<RunResult> live =
                threads.submit(() -> new ScenarioRunner(PolicyRegistry.builtIn(), liveRoot, KernelListener.NONE)
                        .run(withoutTables(recording)));

        JsonNode tokens = awaitTokens(liveRoot, live);
        URI url = URI.create(tokens.get("url").asText());
        assertThat(url.getHost()).isEqualTo("127.0.0.1");
        JsonNode group = tokens.at("/groups/0");
        // Garbage over HTTP while the market waits for its agents: refused, nothing else changes.
        assertThat(post(url, group.get("token").asText(), "{\"actions\": [")).isEqualTo(400);
        assertThat(post(url, "not-the-token", "{\"actions\": []}")).isEqualTo(401);
        assertThat(post(url, group.get("token").asText(), "x".repeat(2 << 20))).isEqualTo(413);
        List<Future<List<String>>> shoppers = new ArrayList<>();
        for (JsonNode agent : group.get("agents")) {
            shoppers.add(threads.submit(new McpShopper(
                    url,
                    group.get("token").asText(),
                    agent.asText(),
                    new ScriptedShopper(ExternalAgentsRunTest.SCRIPT),
                    shoppers.isEmpty())));
        }
        RunResult result = live.get(90, TimeUnit.SECONDS);
        List<String> calls = new ArrayList<>();
        for (Future<List<String>> shopper : shoppers) {
            calls.addAll(shopper.get(30, TimeUnit.SECONDS));
        }
        assertThat(calls).contains("teleport refused", "search", "act", "done");
        String events = Files.readString(result.eventLog());
        assertThat(ExternalAgentsRunTest.doneReasons(events))
                .containsKeys("customer_0001", "customer_0002")
                .containsValue("purchased");
        assertThat(ExternalAgentsRunTest.failures(events)).isEmpty();
        assertThat(Files.readString(result.folder().resolve("run.log")))
                .doesNotContain(group.get("token").asText());

        String throughTheDesk = ExternalRuns.events(
                ExternalRuns.market(SEED, ExternalFeature.POLICY, SHOPPERS, SERVICES, null),
                PolicyRegistry.builtIn(),
                feature -> List.of(ExternalAgentsRunTest.driver(feature, turn -> false)));
        assertThat(events).isEqualTo(throughTheDesk);

        Scenario replay = ExternalRuns.market(
                SEED, ExternalFeature.POLICY, SHOPPERS, SERVICES, ExternalRuns.external("30s", "replay-strict", cache));
        RunResult replayed = new ScenarioRunner(PolicyRegistry.builtIn(), dir.resolve("replay"), KernelListener.NONE)
                .run(withoutTables(replay));
        assertThat(Files.readString(replayed.eventLog())).isEqualTo(events);
    }

    private static int post(URI gateway, String token, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("v1/turns/customer_0001/0"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** The scenario without result tables (DuckDB, CSV): only the log matters here. */
    static Scenario withoutTables(Scenario s) {
        return s.withoutSweep(s.output().withoutTables());
    }

    /** The run's {@code gateway-tokens.json}, once the run wrote it. */
    static JsonNode awaitTokens(Path root, Future<RunResult> run) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (run.isDone()) {
                run.get(); // surfaces the failure
                throw new AssertionError("the run ended before its agents connected");
            }
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    Path found = files.filter(
                                    path -> path.getFileName().toString().equals(ExternalFeature.TOKENS_FILE))
                            .findFirst()
                            .orElse(null);
                    if (found != null) {
                        return WireCodec.JSON.readTree(Files.readString(found));
                    }
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no " + ExternalFeature.TOKENS_FILE + " under " + root + " within 30 s");
    }
}

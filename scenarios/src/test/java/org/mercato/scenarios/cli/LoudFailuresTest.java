package org.mercato.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mercato.scenarios.cli.MercatoCliTest.mercato;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mercato.scenarios.sweep.SweepStore;

/**
 * A model endpoint that fails (a 401 that quotes the key, a 500, an HTML page, an empty body, a
 * closed port) makes the run fail loudly: the cause (provider, model, what went wrong; never the
 * key) opens the console summary and reaches summary.json's warnings, run.log and the top of
 * report.html; the exit code is 1 unless failures are accepted; a sweep cell with such a run fails
 * with its cause. The key comes from the environment (surefire sets MERCATO_FAKE_KEY).
 */
class LoudFailuresTest {
    static final String KEY = "sk-fake-LOUD-0123456789abcdef";
    static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    final MockWebServer server = new MockWebServer();
    final List<String> authorizations = new ArrayList<>();

    /** What the endpoint does, and the cause a run must report. */
    enum Endpoint {
        UNAUTHORIZED("HTTP 401 Unauthorized"),
        SERVER_ERROR("HTTP 500 Internal Server Error"),
        HTML_PAGE("not JSON: <html><body>Sign in again, *** is not valid</body>..."), // cut at 60 characters
        EMPTY_BODY("empty body"),
        CLOSED_PORT("connection refused");

        final String cause;

        Endpoint(String cause) {
            this.cause = cause;
        }

        MockResponse response() {
            return switch (this) {
                case UNAUTHORIZED ->
                    new MockResponse()
                            .setResponseCode(401)
                            .setBody("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}");
                case SERVER_ERROR -> new MockResponse().setResponseCode(500).setBody("key " + KEY + " overloaded");
                case HTML_PAGE ->
                    new MockResponse()
                            .setHeader("Content-Type", "text/html")
                            .setBody("<html><body>Sign in again, " + KEY + " is not valid</body></html>\n<p>more</p>");
                case EMPTY_BODY -> new MockResponse().setHeader("Content-Type", "application/json");
                case CLOSED_PORT -> throw new IllegalStateException("no server");
            };
        }
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private String baseUrl(Endpoint endpoint) throws IOException {
        if (endpoint == Endpoint.CLOSED_PORT) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
            }
        }
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                authorizations.add(String.valueOf(request.getHeader("Authorization")));
                return endpoint.response();
            }
        });
        server.start();
        return server.url("/v1").toString();
    }

    /** Two LLM shoppers, posted-price sellers, no tables (fast). */
    private Path scenario(String baseUrl, String sweep) throws IOException {
        String yaml = String.join(
                "\n",
                "name: loud",
                "seed: 4",
                "kernel: {networkDelay: 1ms, parallelism: 2}",
                "market:",
                "  services:",
                "    - {id: s1, menu: {Tacos: 9.50}, rating: 4.5}",
                "  customers:",
                "    - {id: c1, request: Tacos, items: {Tacos: 1}, values: {Tacos: 12.00}}",
                "    - {id: c2, request: Tacos, items: {Tacos: 1}, values: {Tacos: 11.00}}",
                "agents:",
                "  assistants:",
                "    - policy: llm-assistant",
                "      llm: {baseUrl: '" + baseUrl + "', model: scripted, apiKeyEnv: MERCATO_FAKE_KEY, retries: 0,"
                        + " backoff: 1ms, timeout: 5s}",
                "  services:",
                "    - policy: posted-price",
                "output: {duckdb: false}",
                sweep,
                "");
        return Files.writeString(dir.resolve("loud.yaml"), yaml);
    }

    private Path onlyRunFolder(Path out) throws IOException {
        try (Stream<Path> folders = Files.list(out)) {
            List<Path> all = folders.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static List<String> warnings(Path folder) throws IOException {
        JsonNode summary =
                new ObjectMapper().readTree(folder.resolve("summary.json").toFile());
        List<String> out = new ArrayList<>();
        summary.path("warnings").forEach(w -> out.add(w.asText()));
        return out;
    }

    private static void assertNoKeyIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                        .as("%s", file)
                        .doesNotContain(KEY)
                        .doesNotContain(KEY.substring(0, 16));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void aFailingEndpointFailsTheRunWithItsCauseEverywhere(Endpoint endpoint) throws IOException {
        Path out = dir.resolve("runs");
        String warning = "2 agents ended with llm-error: openai scripted " + endpoint.cause;

        MercatoCliTest.Result result =
                mercato("run", scenario(baseUrl(endpoint), "").toString(), "--out", out.toString());

        assertThat(result.code()).as("exit code; stderr: %s", result.err()).isEqualTo(1);
        assertThat(result.out()).contains("FAILED: 2 agents failed" + NL + "  " + warning + NL);
        assertThat(result.out().indexOf("FAILED:")).isLessThan(result.out().indexOf("welfare"));
        assertThat(result.err())
                .startsWith("error: 2 agents failed")
                .contains("--accept-failures")
                .contains("agents.acceptFailures: true");
        Path folder = onlyRunFolder(out);
        assertThat(warnings(folder)).containsExactly(warning);
        assertThat(read(folder.resolve("run.log"))).contains("WARN").contains(warning);
        String report = read(folder.resolve("report.html"));
        int box = report.indexOf("FAILED: 2 agents failed");
        assertThat(box).isPositive().isLessThan(report.indexOf("<h2>"));
        assertThat(report).contains(org.mercato.metrics.output.SvgChart.escape(warning));
        assertNoKeyIn(folder);
        if (endpoint != Endpoint.CLOSED_PORT) {
            assertThat(authorizations).isNotEmpty().allMatch(a -> a.equals("Bearer " + KEY));
        }
    }

    @Test
    void acceptedFailuresExitZeroAndStillReportTheirCause() throws IOException {
        Path file = scenario(baseUrl(Endpoint.UNAUTHORIZED), "");
        String warning = "2 agents ended with llm-error: openai scripted HTTP 401 Unauthorized";

        MercatoCliTest.Result flag =
                mercato("run", file.toString(), "--out", dir.resolve("flag").toString(), "--accept-failures");
        MercatoCliTest.Result key = mercato(
                "run", file.toString(), "--out", dir.resolve("key").toString(), "--set", "agents.acceptFailures=true");

        for (var result : List.of(flag, key)) {
            assertThat(result.code()).as(result.err()).isZero();
            assertThat(result.out()).contains("FAILED (accepted): 2 agents failed" + NL + "  " + warning);
        }
        Path folder = onlyRunFolder(dir.resolve("flag"));
        assertThat(warnings(folder)).containsExactly(warning);
        assertThat(warnings(onlyRunFolder(dir.resolve("key")))).containsExactly(warning);

        // the log alone counts them again; the causes come from the old summary, once
        MercatoCliTest.Result report = mercato("report", folder.toString());
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(warnings(folder)).containsExactly(warning);
        assertThat(read(folder.resolve("report.html"))).contains("FAILED: 2 agents failed");
    }

    @Test
    void aSweepCellWhoseAgentsFailedIsAFailedCellWithItsCause() throws Exception {
        Path file = scenario(
                baseUrl(Endpoint.UNAUTHORIZED),
                String.join(
                        "\n",
                        "sweep:",
                        "  design: grid",
                        "  factors:",
                        "    agents.assistants[0].policy: [rational, llm-assistant]"));
        Path out = dir.resolve("sweep");
        String cause = "2 agents ended with llm-error: openai scripted HTTP 401 Unauthorized";

        MercatoCliTest.Result result = mercato("sweep", file.toString(), "--out", out.toString(), "--parallelism", "1");

        assertThat(result.code()).as("exit code; stderr: %s", result.err()).isEqualTo(1);
        assertThat(result.out()).contains("FAILED: 1 of 2 cells failed").contains(cause);
        assertThat(result.out().indexOf("FAILED:")).isLessThan(result.out().indexOf("  cells "));
        assertThat(result.out()).contains("1 ok, 1 failed");
        try (SweepStore store = SweepStore.open(out.resolve("sweep.duckdb"))) {
            List<SweepStore.StoredCell> failed =
                    store.cells().stream().filter(c -> !c.ok()).toList();
            assertThat(failed).hasSize(1);
            assertThat(failed.get(0).factors().toString()).contains("llm-assistant");
            assertThat(failed.get(0).error()).isEqualTo("2 agents failed: " + cause);
        }
        String report = read(out.resolve("sweep-report.html"));
        assertThat(report.indexOf("FAILED: 1 of 2 cells failed"))
                .isPositive()
                .isLessThan(report.indexOf("<code>agents.assistants[0].policy</code>"));
        assertThat(report).contains(org.mercato.metrics.output.SvgChart.escape(cause));
    }
}

package org.mercato.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mercato.scenarios.cli.MercatoCliTest.mercato;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.explorer.Explorer;
import org.mercato.explorer.ExplorerSettings;

/**
 * The explorer on a sweep folder written by {@code mercato sweep --keep-runs}: the design points
 * with their factor levels and headline values, and each kept run (which has no results.duckdb)
 * opened from its events.jsonl with the same counts as its summary.json.
 */
class UiSweepTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void listsTheCellsAndOpensEachKeptRun() throws Exception {
        Path sweep = dir.resolve("sweep");
        MercatoCliTest.Result result = mercato(
                "sweep",
                "sweep-demo.yaml",
                "--replicates=1",
                "--keep-runs",
                "--set",
                "market.generate.customers=12",
                "--out",
                sweep.toString());
        assertThat(result.code()).as(result.err()).isZero();

        try (Explorer explorer = Explorer.start(sweep, ExplorerSettings.loopback(0))) {
            assertThat(get(explorer, "/api/info").path("kind").asText()).isEqualTo("sweep");
            JsonNode cells = get(explorer, "/api/sweep").path("cells");
            assertThat(cells).hasSize(6);
            for (JsonNode cell : cells) {
                assertThat(cell.path("factors").path("market.search.mechanism").asText())
                        .isIn("simple", "lexical");
                String run = cell.path("runs").get(0).path("run").asText();
                JsonNode summary =
                        JSON.readTree(sweep.resolve(run).resolve("summary.json").toFile());
                double served = summary.path("market").path("customersServed").asDouble();
                assertThat(cell.path("metrics").path("market.customersServed").asDouble())
                        .isEqualTo(served);
                String query = "run=" + URLEncoder.encode(run, StandardCharsets.UTF_8);
                assertThat(get(explorer, "/api/run?" + query).path("customers").asInt())
                        .isEqualTo(12);
                assertThat(get(explorer, "/api/customers?served=true&" + query)
                                .path("total")
                                .asDouble())
                        .isEqualTo(served);
                assertThat(get(explorer, "/api/customers/customer_0001?" + query)
                                .path("thread"))
                        .isNotEmpty();
            }
            assertThat(status(explorer, "/api/run")).isEqualTo(404);
        }
    }

    private static JsonNode get(Explorer explorer, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(explorer.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static int status(Explorer explorer, String path) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(explorer.uri().resolve(path)).build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}

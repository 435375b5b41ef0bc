package org.mercato.scenarios.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mercato.explorer.Explorer;
import org.mercato.explorer.ExplorerSettings;

/** The explorer over a real run folder of the manipulation study: what the API says about it. */
class ExplorerServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static Path run;
    static Explorer explorer;

    @BeforeAll
    static void start() throws IOException {
        run = StudyRunFolders.shared("manipulation", "market.generate.customers=40");
        explorer = Explorer.start(run, ExplorerSettings.loopback(0));
    }

    @AfterAll
    static void stop() {
        if (explorer != null) {
            explorer.close();
        }
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(explorer.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void servesOnLoopbackAndSaysWhatItServes() throws Exception {
        assertThat(explorer.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(explorer.uri().toString()).startsWith("http://127.0.0.1:");
        JsonNode info = json("/api/info");
        assertThat(info.path("kind").asText()).isEqualTo("run");
        assertThat(info.path("name").asText()).isEqualTo(run.getFileName().toString());
    }

    @Test
    void describesTheRun() throws Exception {
        JsonNode overview = json("/api/run");
        assertThat(overview.path("scenario").asText()).isEqualTo("manipulation");
        assertThat(overview.path("seed").asLong()).isEqualTo(14);
        assertThat(overview.path("customers").asInt()).isEqualTo(40);
        assertThat(overview.path("services").asInt()).isEqualTo(6);
        assertThat(overview.path("facets").path("tactics").toString()).isEqualTo("[\"prompt-injection-strong\"]");
        assertThat(overview.path("report").asText()).isEqualTo("/files/report.html");
    }

    @Test
    void listsCustomersByIdAndPages() throws Exception {
        JsonNode all = json("/api/customers?limit=10&offset=5");
        assertThat(all.path("total").asInt()).isEqualTo(40);
        assertThat(all.path("rows")).hasSize(10);
        assertThat(all.path("rows").get(0).path("id").asText()).isEqualTo("customer_0006");
    }

    @Test
    void servesThePage() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                        + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    }
}

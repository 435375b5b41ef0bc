package org.mercato.scenarios.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mercato.explorer.Explorer;
import org.mercato.explorer.ExplorerSettings;

/**
 * The count behind each bar of report.html's charts (from summary.json, which the report draws)
 * equals the explorer's total for the filter that bar links to: choices by rank, row, column and
 * badge ({@code PositionFold}), payments by tactic ({@code ManipulationFold}), customers who paid
 * their k-th proposal ({@code FirstProposalFold}), served customers. Checked on the bundled
 * manipulation and position-and-tags studies at a small size (each customer pays at most once
 * there, which the test checks too: the charts count payments, the list customers).
 */
class ExplorerChartTotalsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void manipulationStudy() throws Exception {
        Path run = StudyRunFolders.shared("manipulation", "market.generate.customers=40");
        int bars = checkEveryBar(run);
        assertThat(bars).isGreaterThan(4);
    }

    @Test
    void positionAndTagsStudy() throws Exception {
        Path run = StudyRunFolders.shared(
                "position-and-tags", "market.generate.customers=80", "market.generate.services=16");
        int bars = checkEveryBar(run);
        assertThat(bars).isGreaterThan(12);
    }

    /** Checks every bar of the run's summary against the explorer and returns how many bars it checked. */
    private static int checkEveryBar(Path run) throws Exception {
        JsonNode market = JSON.readTree(run.resolve("summary.json").toFile()).path("market");
        int checked = 0;
        try (Explorer explorer = Explorer.start(run, ExplorerSettings.loopback(0))) {
            long payments = market.path("payments").path("count").asLong();
            assertThat(total(explorer, "")).isEqualTo(market.path("customers").asLong());
            assertThat(total(explorer, "served=true"))
                    .as("served")
                    .isEqualTo(market.path("customersServed").asLong());
            long paying = 0;
            for (String tactic : new String[] {"any", "none"}) {
                paying += total(explorer, "paidTactic=" + tactic);
            }
            assertThat(paying).as("customers who paid = payments: one each").isEqualTo(payments);

            JsonNode position = market.path("position");
            for (String dimension : new String[] {"Rank", "Row", "Column"}) {
                for (JsonNode cell : position.path("by" + dimension)) {
                    assertThat(total(
                                    explorer,
                                    "paid" + dimension + "="
                                            + cell.path("value").asInt()))
                            .as(dimension + " " + cell.path("value"))
                            .isEqualTo(cell.path("choices").asLong());
                    checked++;
                }
            }
            for (JsonNode tag : position.path("byTag")) {
                assertThat(total(explorer, "paidTag=" + encode(tag.path("tag").asText())))
                        .as("badge " + tag.path("tag"))
                        .isEqualTo(tag.path("choices").asLong());
                checked++;
            }
            for (JsonNode tactic : market.path("manipulation").path("byTactic")) {
                String name = tactic.path("tactic").asText();
                assertThat(total(explorer, "paidTactic=" + (name.equals("control") ? "none" : name)))
                        .as("tactic " + name)
                        .isEqualTo(tactic.path("payments").asLong());
                checked++;
            }
            for (JsonNode arrival : market.path("firstProposal").path("byPosition")) {
                assertThat(total(
                                explorer,
                                "paidPosition=" + arrival.path("position").asInt()))
                        .as("arrival " + arrival.path("position"))
                        .isEqualTo(arrival.path("paid").asLong());
                checked++;
            }
            JsonNode first = market.path("firstProposal").path("byPosition").path(0);
            if (!first.isMissingNode()) {
                assertThat(total(explorer, "paidFirst=true"))
                        .isEqualTo(first.path("paid").asLong());
            }
        }
        return checked;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static long total(Explorer explorer, String query) throws IOException, InterruptedException {
        URI uri = explorer.uri().resolve("/api/customers?limit=1&" + query);
        HttpResponse<String> response =
                HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("total").asLong();
    }
}

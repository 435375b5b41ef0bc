package org.mercato.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the explorer copes with a million customers (a synthetic run: 1M customers, 8M impressions,
 * 14M events): the time to start (open the tables and build the per-customer table) and to answer
 * filtered pages and a customer's thread. Not in the normal suite (it writes about a gigabyte and
 * takes a minute): {@code -Dexplorer.million=true -Dtest=MillionCustomersMeasurement}.
 */
@EnabledIfSystemProperty(named = "explorer.million", matches = "true")
class MillionCustomersMeasurement {
    private static final Logger LOG = LoggerFactory.getLogger(MillionCustomersMeasurement.class);
    private static final int CUSTOMERS = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void startsAndAnswersFilteredPagesQuickly() throws Exception {
        long t0 = System.nanoTime();
        SyntheticRun.write(dir, CUSTOMERS);
        long written = System.nanoTime();
        try (Explorer explorer = Explorer.start(dir, ExplorerSettings.loopback(0))) {
            long started = System.nanoTime();
            HttpClient http = HttpClient.newHttpClient();
            String[] queries = {
                "/api/customers?limit=50",
                "/api/customers?paidTactic=authority&limit=50",
                "/api/customers?paidRank=3&paidTag=(none)&served=true&offset=5000&limit=50",
                "/api/customers?q=Flan%20number%20777&limit=50",
                "/api/customers/customer_0777777",
                "/api/services/service_0001",
                "/api/run"
            };
            StringBuilder report = new StringBuilder();
            report.append(String.format(
                    "write %d ms, start %d ms%n", (written - t0) / 1_000_000, (started - written) / 1_000_000));
            for (String query : queries) {
                long before = System.nanoTime();
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(explorer.uri().resolve(query)).build(),
                        HttpResponse.BodyHandlers.ofString());
                long ms = (System.nanoTime() - before) / 1_000_000;
                assertThat(response.statusCode()).as(query).isEqualTo(200);
                report.append(String.format("%6d ms  %s%n", ms, query));
                assertThat(ms).as(query).isLessThan(5_000);
            }
            LOG.warn("explorer, 1M customers:\n{}", report);
            System.err.println(report);
        }
    }
}

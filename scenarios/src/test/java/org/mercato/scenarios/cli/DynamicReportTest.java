package org.mercato.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mercato.scenarios.cli.MercatoCliTest.mercato;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.scenarios.Mercato;
import org.mercato.scenarios.load.ScenarioLoader;

/**
 * A market over five days with arrivals, return visits, deliveries, over-promising sellers, reviews
 * with fakes and a filter, and restocking: summary.json has one {@code periods} element per day;
 * {@code mercato report} recomputes every number of it from events.jsonl, byte for byte (the live
 * run's periods and totals came from the same folds over the live stream); the bare loop and the
 * actors agree; the report draws the series and the result tables hold the dynamics events.
 */
class DynamicReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path folder;

    static Path run(String... more) throws IOException {
        List<String> sets = new java.util.ArrayList<>(List.of(
                "market.generate.customers=40",
                "market.generate.services=10",
                "market.dynamics={horizon: 5d, period: 1d, arrivals: {rate: 20, per: 1d},"
                        + " returns: {every: 1d, distribution: exponential}, delivery: 2h,"
                        + " quality: {overPromisers: {share: 0.3, quality: 0.3}},"
                        + " reviews: {probability: 0.8, noise: 0.3, aggregation: bayesian,"
                        + " prior: {mean: 4.0, weight: 2}, filter: {detect: 0.5, falsePositive: 0.05}},"
                        + " fakeReviews: {sellers: overPromisers, budget: 10, every: 12h},"
                        + " restock: {every: 1d, amount: 0, capacity: 6}}",
                "output.csv=true",
                "output.duckdb=true"));
        sets.addAll(List.of(more));
        var scenario = ScenarioLoader.load(Path.of("quickstart.yaml"), sets);
        return Mercato.writingTo(dir.resolve("runs")).run(scenario).folder();
    }

    @BeforeAll
    static void runOverFiveDays() throws IOException {
        folder = run();
    }

    @Test
    void reportRecomputesThePeriodsAndTotalsByteForByte() throws IOException {
        byte[] original = Files.readAllBytes(folder.resolve("summary.json"));
        byte[] report = Files.readAllBytes(folder.resolve("report.html"));
        String text = new String(original, StandardCharsets.UTF_8);
        JsonNode periods = JSON.readTree(text).get("periods");
        assertThat(periods).hasSize(5);
        long visits = 0;
        long reviews = 0;
        for (JsonNode period : periods) {
            visits += period.get("visits").asLong();
            reviews +=
                    period.get("reviews").asLong() + period.get("fakeReviews").asLong();
        }
        assertThat(visits).as("visits, returns included").isGreaterThan(40);
        assertThat(reviews).isPositive();
        assertThat(JSON.readTree(text).at("/market/welfare/optimalMethod").asText())
                .startsWith("best purchase per visit at true quality");

        // both blocks must really be recomputed: spoil them first
        String spoiled = text.replaceFirst("\"customers\" : \\d+", "\"customers\" : 0")
                .replaceAll("\"visits\" : \\d+", "\"visits\" : 0")
                .replaceAll("\"welfare\" : -?[0-9.]+,", "\"welfare\" : 0,");
        assertThat(spoiled).isNotEqualTo(text);
        Files.writeString(folder.resolve("summary.json"), spoiled);
        var result = mercato("report", folder.toString());

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(Files.readAllBytes(folder.resolve("summary.json"))).isEqualTo(original);
        assertThat(Files.readAllBytes(folder.resolve("report.html"))).isEqualTo(report);
    }

    @Test
    void theConsoleSummaryNamesThePeriodsAndTheirFirstAndLastEfficiency() throws IOException {
        var summary = org.mercato.scenarios.run.RunReport.recompute(folder);
        assertThat(RunCommand.summary(summary, folder, 0))
                .containsPattern(
                        "periods +5, efficiency (\\d+\\.\\d%|n/a) in the first, (\\d+\\.\\d%|n/a) in the last");
    }

    @Test
    void theBareLoopAndTheActorsAgreeOnThePeriods() throws IOException {
        JsonNode actors = JSON.readTree(folder.resolve("summary.json").toFile());
        JsonNode bare =
                JSON.readTree(run("kernel.mode=bare").resolve("summary.json").toFile());

        assertThat(bare.get("periods")).isEqualTo(actors.get("periods"));
        assertThat(bare.get("market")).isEqualTo(actors.get("market"));
    }

    @Test
    void theReportDrawsTheSeriesAndTheTablesHoldTheDynamicsEvents() throws Exception {
        String report = Files.readString(folder.resolve("report.html"));
        assertThat(report)
                .contains("Over time: 5 periods", "Period start (days of virtual time)", "Mean rating (stars)");

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + folder.resolve("results.duckdb"));
                Statement sql = c.createStatement()) {
            for (String table : List.of("periods", "arrivals", "deliveries", "reviews", "reputation", "quality")) {
                try (ResultSet r = sql.executeQuery("SELECT count(*) FROM " + table)) {
                    r.next();
                    assertThat(r.getLong(1)).as(table).isPositive();
                }
                assertThat(folder.resolve("csv/" + table + ".csv")).isRegularFile();
            }
            try (ResultSet r = sql.executeQuery("SELECT count(*) FROM events WHERE type = 'review' AND body IS NULL")) {
                r.next();
                assertThat(r.getLong(1)).isPositive();
            }
            try (ResultSet r = sql.executeQuery("SELECT value FROM metrics WHERE metric = 'periods.4.visits'")) {
                assertThat(r.next()).as("the periods among the run's metrics").isTrue();
            }
        }
    }
}

package org.mercato.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mercato.scenarios.Mercato;
import org.mercato.scenarios.model.AgentGroupConfig;
import org.mercato.scenarios.model.AgentsConfig;
import org.mercato.scenarios.model.Duration;
import org.mercato.scenarios.model.GeneratorConfig;
import org.mercato.scenarios.model.KernelConfig;
import org.mercato.scenarios.model.MarketConfig;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.model.SearchConfig;
import org.mercato.scenarios.model.ThinkTimeConfig;
import org.mercato.sim.market.search.SearchMechanisms;

/** Every search mechanism end to end, the welfare ordering Magentic found, and the cache's invisibility. */
class SearchMechanismsRunTest {
    @TempDir
    Path runs;

    /** The quickstart's market and agents in code: rational shoppers ask the top 3 of a generated market. */
    static Scenario restaurants(
            String mechanism, Integer cacheSize, long seed, int customers, int services, int itemsPerCustomer) {
        AgentGroupConfig rational = new AgentGroupConfig(
                "rational",
                null,
                Map.of("inquiries", 3, "patience", "30s"),
                ThinkTimeConfig.of(null, Duration.parse("20ms"), null, Duration.parse("200ms"), 0.5),
                null);
        AgentGroupConfig sellers = new AgentGroupConfig(
                "posted-price",
                null,
                null,
                ThinkTimeConfig.of(null, Duration.parse("50ms"), Duration.parse("2s"), null, null),
                null);
        return new Scenario(
                "search-" + mechanism,
                null,
                seed,
                new KernelConfig(2, Duration.parse("5ms"), null, null),
                new MarketConfig(
                        new GeneratorConfig("restaurants", customers, services, itemsPerCustomer),
                        null,
                        null,
                        new SearchConfig(mechanism, null, null, null, cacheSize)),
                new AgentsConfig(List.of(rational), List.of(sellers)));
    }

    private RunResult run(Scenario scenario) throws IOException {
        return Mercato.writingTo(runs).run(scenario);
    }

    @Test
    void everyMechanismRunsAndTheOracleBeatsRatingOrder() throws IOException {
        Map<String, BigDecimal> welfare = new TreeMap<>();
        BigDecimal optimal = null;
        for (String mechanism : SearchMechanisms.NAMES) {
            RunSummary summary =
                    run(restaurants(mechanism, null, 42, 200, 40, 2)).summary();
            assertThat(summary.search().mechanism()).isEqualTo(mechanism);
            assertThat(summary.search().requests())
                    .as("one ranking per search action")
                    .isEqualTo(summary.market().searches())
                    .isEqualTo(200);
            assertThat(summary.market().payments().count()).isPositive();
            welfare.put(mechanism, summary.market().welfare().total());
            optimal = summary.market().welfare().optimal();
        }
        // Magentic's finding: searching with the customer's true needs beats the rating order
        assertThat(welfare.get("oracle")).isGreaterThanOrEqualTo(welfare.get("simple"));
        assertThat(welfare.get("oracle")).isGreaterThan(welfare.get("simple"));
        assertThat(welfare.get("oracle")).isGreaterThanOrEqualTo(welfare.get("lexical"));
        assertThat(welfare.get("oracle")).isGreaterThan(welfare.get("random"));
        // cheapest feasible first: rational shoppers reach the best single purchase at posted prices
        assertThat(welfare.get("oracle")).isEqualByComparingTo(optimal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"simple", "lexical", "filtered", "oracle"})
    void theCacheNeverChangesTheEventLog(String mechanism) throws IOException {
        RunResult cached = run(restaurants(mechanism, null, 9, 150, 20, 1));
        RunResult off = run(restaurants(mechanism, 0, 9, 150, 20, 1));
        RunResult tiny = run(restaurants(mechanism, 1, 9, 150, 20, 1));
        byte[] events = Files.readAllBytes(cached.eventLog());
        assertThat(Files.readAllBytes(off.eventLog())).isEqualTo(events);
        assertThat(Files.readAllBytes(tiny.eventLog())).isEqualTo(events);
        // 150 customers wanting one of 60 dishes repeat each other's requests
        assertThat(cached.summary().search().hitRate()).isGreaterThan(0.0);
        assertThat(off.summary().search().hits()).isZero();
        assertThat(off.summary().search().cacheSize()).isZero();
    }

    @Test
    void randomSearchIsNeverCachedAndRepeatsPerSeed() throws IOException {
        RunResult first = run(restaurants("random", null, 5, 60, 15, 2));
        RunResult again = run(restaurants("random", 0, 5, 60, 15, 2));
        RunResult other = run(restaurants("random", null, 6, 60, 15, 2));
        assertThat(first.summary().search().hits()).isZero();
        assertThat(Files.readAllBytes(again.eventLog())).isEqualTo(Files.readAllBytes(first.eventLog()));
        assertThat(Files.readAllBytes(other.eventLog())).isNotEqualTo(Files.readAllBytes(first.eventLog()));
    }

    @Test
    void theSummaryFileHasTheSearchBlock() throws IOException {
        RunResult result = run(restaurants("lexical", null, 3, 40, 10, 1));
        String json = Files.readString(result.folder().resolve("summary.json"));
        assertThat(json)
                .contains("\"search\" : {")
                .contains("\"mechanism\" : \"lexical\"")
                .contains("\"requests\" : 40")
                .contains("\"hitRate\" : ");
    }
}

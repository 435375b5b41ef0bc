package org.mercato.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.model.KernelConfig;
import org.mercato.scenarios.model.KernelMode;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.validate.ScenarioValidator;
import org.mercato.sim.kernel.KernelListener;

/**
 * Same scenario and seed give a byte-identical event log, whatever the kernel's parallelism or mode;
 * a market that lives over time ({@code market.dynamics}) too.
 */
class DeterminismTest {
    @TempDir
    Path runs;

    private byte[] eventsOf(Scenario scenario) throws IOException {
        RunResult result = new ScenarioRunner(PolicyRegistry.builtIn(), runs, KernelListener.NONE).run(scenario);
        return Files.readAllBytes(result.eventLog());
    }

    private static Scenario market(long seed, Integer parallelism, KernelMode mode) {
        return new Scenario(
                "determinism",
                null,
                seed,
                new KernelConfig(parallelism, null, null, mode),
                Scenarios.generated(300, 30).market(),
                Scenarios.generated(300, 30).agents());
    }

    @Test
    void twoRunsWithTheSameSeedWriteIdenticalLogs() throws IOException {
        byte[] first = eventsOf(market(11, 4, KernelMode.ACTORS));
        byte[] second = eventsOf(market(11, 4, KernelMode.ACTORS));
        assertThat(first.length).isGreaterThan(10_000);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void parallelismOneAndFourAndTheBareLoopWriteIdenticalLogs() throws IOException {
        byte[] one = eventsOf(market(5, 1, KernelMode.ACTORS));
        byte[] four = eventsOf(market(5, 4, KernelMode.ACTORS));
        byte[] bare = eventsOf(market(5, 1, KernelMode.BARE));
        assertThat(four).isEqualTo(one);
        assertThat(bare).isEqualTo(one);
    }

    /** A market that lives over time: arrivals, returns, delivery, reviews with fakes and a filter, restocking. */
    static final String DYNAMIC = """
            name: dynamic-determinism
            seed: 7
            market:
              generate: {domain: restaurants, customers: 80, services: 12, itemsPerCustomer: 1}
              search: {mechanism: lexical, pageSize: 6}
              dynamics:
                horizon: 10d
                period: 1d
                arrivals: {rate: 40, per: 1d}
                returns: {every: 2d}
                delivery: 3h
                quality: {overPromisers: {share: 0.4, quality: 0.3}, changes: [{service: service_0002, at: 4d, quality: 0.5}]}
                reviews: {probability: 0.6, aggregation: recency, halfLife: 3d, refresh: immediate,
                          filter: {detect: 0.5, falsePositive: 0.1}}
                fakeReviews: {budget: 10, every: 12h}
                restock: {every: 1d, amount: 1, capacity: 2}
            agents:
              assistants:
                - policy: logit
                  params: {logPrice: -1.0, rating: 1.0, patience: 30s, memory: {keep: 0.8, avoid: 0.5}}
                  thinkTime: {min: 20ms, median: 200ms, sigma: 0.5}
              services:
                - policy: dynamic
                  thinkTime: {min: 50ms, max: 2s}
            """;

    private byte[] dynamicEvents(String... overrides) throws IOException {
        Path file = runs.resolve("dynamic.yaml");
        Files.writeString(file, DYNAMIC);
        return eventsOf(ScenarioValidator.load(file, List.of(overrides), PolicyRegistry.builtIn()));
    }

    @Test
    void aMarketThatLivesOverTimeWritesIdenticalLogsAtAnyParallelismAndInTheBareLoop() throws IOException {
        byte[] one = dynamicEvents("kernel.parallelism=1");
        String log = new String(one, java.nio.charset.StandardCharsets.UTF_8);
        for (String type : List.of("arrival", "period", "delivery", "review", "reputation", "restock", "quality")) {
            assertThat(log).as("the log has %s events", type).contains("\"type\":\"" + type + "\"");
        }
        assertThat(log).contains("\"fake\":true").contains("\"filtered\":true").contains("\"visit\":1");
        assertThat(dynamicEvents("kernel.parallelism=4")).isEqualTo(one);
        assertThat(dynamicEvents("kernel.mode=bare")).isEqualTo(one);
    }

    @Test
    void differentSeedsWriteDifferentLogs() throws IOException {
        assertThat(eventsOf(market(1, 2, KernelMode.ACTORS))).isNotEqualTo(eventsOf(market(2, 2, KernelMode.ACTORS)));
    }
}

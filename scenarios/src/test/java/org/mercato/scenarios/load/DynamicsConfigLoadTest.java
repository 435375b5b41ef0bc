package org.mercato.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.dynamics.ArrivalTimes;
import org.mercato.scenarios.dynamics.Sellers;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.run.RunEnvironment;
import org.mercato.scenarios.run.WiredRun;
import org.mercato.scenarios.validate.ScenarioValidator;
import org.mercato.sim.SimulationSetup;
import org.mercato.sim.domain.Service;
import org.mercato.sim.market.dynamics.Aggregation;
import org.mercato.sim.market.dynamics.FakeReviews;
import org.mercato.sim.market.dynamics.MarketDynamics;
import org.mercato.sim.market.dynamics.Refresh;

/** The {@code market.dynamics} keys: wiring into the kernel's dynamics, and errors at their key. */
class DynamicsConfigLoadTest {
    static final long HOUR = 3_600_000_000L;
    static final long DAY = 24 * HOUR;

    /** Line numbers in the assertions below refer to this text. */
    static final String DYNAMICS = """
            name: dynamics
            market:
              generate: {domain: restaurants, customers: 40, services: 20, itemsPerCustomer: 1}
              dynamics:
                horizon: 30d
                period: 1d
                arrivals: {rate: 20, per: 1d}
                returns: {every: 7d, distribution: fixed}
                delivery: 2h
                quality:
                  default: 0.9
                  services: {service_0002: 0.5}
                  overPromisers: {share: 0.3, quality: 0.4, from: 2d}
                  changes: [{service: service_0003, at: 10d, quality: 0.2}]
                reviews: {probability: 0.3, noise: 0.5, aggregation: bayesian, prior: {mean: 4.0, weight: 5},
                          refresh: immediate, filter: {detect: 0.6, falsePositive: 0.02}}
                fakeReviews: {sellers: overPromisers, budget: 60, every: 12h}
                restock: {every: 12h, amount: 2, capacity: 5}
            """;

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("scenario.yaml");
        Files.writeString(file, text);
        return file;
    }

    private Scenario load(String text, String... overrides) throws IOException {
        return ScenarioValidator.load(write(text), List.of(overrides), PolicyRegistry.builtIn());
    }

    private static SimulationSetup setup(Scenario scenario) {
        return WiredRun.setup(scenario, RunEnvironment.of(PolicyRegistry.builtIn()));
    }

    private String failure(String text, String... overrides) throws IOException {
        Path file = write(text);
        ScenarioException e = catchThrowableOfType(
                ScenarioException.class,
                () -> ScenarioValidator.load(file, List.of(overrides), PolicyRegistry.builtIn()));
        assertThat(e).as("loading should fail").isNotNull();
        return e.getMessage();
    }

    @Test
    void withoutTheSectionTheMarketHasNoDynamicsAndTheKernelItsOwnHorizon() throws IOException {
        Scenario scenario = load(DYNAMICS.substring(0, DYNAMICS.indexOf("  dynamics:")));
        SimulationSetup setup = setup(scenario);
        assertThat(setup.dynamics()).isNull();
        assertThat(setup.kernel().horizon()).isEqualTo(DAY);
    }

    @Test
    void everyKeyIsWiredIntoTheMarketDynamics() throws IOException {
        Scenario scenario = load(DYNAMICS);
        SimulationSetup setup = setup(scenario);
        MarketDynamics d = setup.dynamics();
        assertThat(setup.kernel().horizon()).isEqualTo(30 * DAY);
        assertThat(d.horizon()).isEqualTo(30 * DAY);
        assertThat(d.period()).isEqualTo(DAY);
        assertThat(d.deliveryDelay()).isEqualTo(2 * HOUR);
        assertThat(d.returns().meanGap()).isEqualTo(7 * DAY);
        assertThat(d.returns().exponential()).isFalse();
        assertThat(d.restock().every()).isEqualTo(12 * HOUR);
        assertThat(d.restock().amount()).isEqualTo(2);
        assertThat(setup.catalog().services()).allMatch(s -> s.capacity() == 5);

        List<String> customers =
                setup.catalog().customers().stream().map(c -> c.id()).toList();
        assertThat(d.arrivals()).isEqualTo(ArrivalTimes.poisson(scenario.seed(), customers, 20.0 / DAY, 30 * DAY));

        List<Service> services = setup.catalog().services();
        List<Integer> bad = Sellers.overPromisers(scenario.seed(), services, 0.3);
        assertThat(bad).isNotEmpty().contains(1).doesNotContain(2); // service_0002 is one, but its own quality wins
        for (int s = 0; s < services.size(); s++) {
            double expectedLater = s == 1 ? 0.5 : s == 2 ? 0.2 : bad.contains(s) ? 0.4 : 0.9;
            double expectedFirst = s == 1 ? 0.5 : 0.9;
            assertThat(d.quality().at(s, 0)).as("service %d at 0", s).isEqualTo(expectedFirst);
            assertThat(d.quality().at(s, 20 * DAY)).as("service %d later", s).isEqualTo(expectedLater);
        }
        assertThat(d.quality().changeTimes()).containsExactly(2 * DAY, 10 * DAY);

        assertThat(d.reviews().probability()).isEqualTo(0.3);
        assertThat(d.reviews().noise()).isEqualTo(0.5);
        assertThat(d.reviews().aggregation()).isEqualTo(new Aggregation.Bayesian(4.0, 5));
        assertThat(d.reviews().refresh()).isEqualTo(Refresh.IMMEDIATE);
        assertThat(d.reviews().text()).isFalse();
        assertThat(d.reviews().filter().detect()).isEqualTo(0.6);
        assertThat(d.reviews().filter().falsePositive()).isEqualTo(0.02);
        assertThat(d.reviews().fakes()).extracting(FakeReviews::service).containsExactlyElementsOf(bad);
        assertThat(d.reviews().fakes()).allMatch(f -> f.budget() == 60 && f.meanGap() == 12 * HOUR && f.stars() == 5);
    }

    @Test
    void otherArrivalsAggregationsAndFakeSellersAreWired() throws IOException {
        Files.writeString(dir.resolve("arrivals.csv"), "time\n0\n1h\n2d\n");
        String rates = "[0, 0, 0, 0, 0, 0, 0, 0, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 0, 0, 0, 0, 0, 0]";
        Scenario hourly = load(
                DYNAMICS,
                "market.dynamics.arrivals={hourly: " + rates + "}",
                "market.dynamics.reviews={aggregation: recency, halfLife: 7d, text: true}",
                "market.dynamics.fakeReviews.sellers=[service_0004, service_0001]");
        MarketDynamics d = setup(hourly).dynamics();
        assertThat(java.util.Arrays.stream(d.arrivals()).boxed())
                .isNotEmpty()
                .allMatch(t -> t == ArrivalTimes.NEVER || (t / HOUR) % 24 >= 8 && (t / HOUR) % 24 < 18);
        assertThat(d.reviews().aggregation()).isEqualTo(new Aggregation.Recency(7 * DAY));
        assertThat(d.reviews().probability()).isEqualTo(1.0);
        assertThat(d.reviews().refresh()).isEqualTo(Refresh.PERIOD);
        assertThat(d.reviews().text()).isTrue();
        assertThat(d.reviews().filter()).isNull();
        assertThat(d.reviews().fakes()).extracting(FakeReviews::service).containsExactly(0, 3);

        // a relative trace is read from the scenario's folder; customers beyond it never arrive
        d = setup(load(DYNAMICS, "market.dynamics.arrivals={trace: arrivals.csv}"))
                .dynamics();
        assertThat(d.arrivals())
                .startsWith(0, HOUR, 2 * DAY, ArrivalTimes.NEVER)
                .hasSize(40);
    }

    @Test
    void problemsAreReportedAtTheirKey() throws IOException {
        assertThat(failure(DYNAMICS.replace("noise: 0.5", "noize: 0.5")))
                .endsWith(":15:33: market.dynamics.reviews.noize: unknown key 'noize'; allowed here: probability,"
                        + " noise, aggregation, prior, halfLife, refresh, filter, text (did you mean 'noise'?)");
        assertThat(failure(DYNAMICS.replace("quality: 0.4, from", "quality: 1.4, from")))
                .endsWith(":13:44: market.dynamics.quality.overPromisers.quality: must be within [0, 1], was 1.4");
        assertThat(failure(DYNAMICS.replace("service_0002: 0.5", "service_0002: 2")))
                .endsWith(":12:32: market.dynamics.quality.services.service_0002: must be within [0, 1], was 2.0");
        assertThat(failure(DYNAMICS.replace("horizon: 30d", "horizon: 30x")))
                .contains(":5:14: market.dynamics.horizon: expected a duration");
        assertThat(failure(DYNAMICS.replace("    horizon: 30d\n", "")))
                .endsWith(":4:3: market.dynamics.horizon: is required: how long the market lives, such as 30d");
        assertThat(failure(DYNAMICS, "market.dynamics.reviews.aggregation=mean"))
                .endsWith(":15:68: market.dynamics.reviews.prior: goes with aggregation: bayesian");
        assertThat(failure(DYNAMICS, "market.dynamics.arrivals={rate: 3, hourly: [1]}"))
                .isEqualTo("--set market.dynamics.arrivals: give exactly one of {rate, per}, {hourly: [24 rates]}"
                        + " or {trace: file.csv}");
        assertThat(failure(DYNAMICS, "market.dynamics.arrivals={hourly: [1, 2]}"))
                .endsWith("market.dynamics.arrivals.hourly: needs 24 rates (arrivals per hour, from 00:00), got 2");
        assertThat(failure(DYNAMICS, "market.dynamics.quality.changes=[{service: nope, at: 1d, quality: 0.5}]"))
                .isEqualTo("--set market.dynamics.quality.changes: market.dynamics.quality.changes[0].service:"
                        + " no service 'nope' in the catalog");
        assertThat(failure(DYNAMICS, "market.dynamics.fakeReviews.sellers=[service_0001, x]"))
                .endsWith("market.dynamics.fakeReviews.sellers[1]: no service 'x' in the catalog");
        assertThat(failure(DYNAMICS, "market.dynamics.reviews=~"))
                .endsWith(
                        ":17:5: market.dynamics.fakeReviews: needs a reviews section: fake reviews move the displayed ratings only where customers review");
        assertThat(failure(DYNAMICS, "kernel.horizon=2h"))
                .isEqualTo("--set kernel.horizon: is 7200s but market.dynamics.horizon is 30d; give the horizon once,"
                        + " in market.dynamics");
        assertThat(failure(DYNAMICS, "market.dynamics.period=31d"))
                .isEqualTo("--set market.dynamics.period: must be at most the horizon (30d), was 31d");
    }

    @Test
    void aBadTraceLineIsReportedAtItsFileAndLine() throws IOException {
        Files.writeString(dir.resolve("arrivals.csv"), "time\n0\n1h\nlater\n");
        assertThat(failure(DYNAMICS, "market.dynamics.arrivals={trace: arrivals.csv}"))
                .isEqualTo(dir.resolve("arrivals.csv") + ":4:1: expected a time since the market opened, in seconds"
                        + " (3600) or as a duration (90m, 1.5h, 2d), got 'later'");
        assertThat(failure(DYNAMICS, "market.dynamics.arrivals={trace: none.csv}"))
                .isEqualTo("--set market.dynamics.arrivals: market.dynamics.arrivals.trace: no arrivals trace "
                        + dir.resolve("none.csv"));
    }
}

package org.mercato.metrics.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.metrics.MarketMetrics;
import org.mercato.metrics.MetricsCollector;
import org.mercato.sim.KernelSettings;
import org.mercato.sim.Simulation;
import org.mercato.sim.SimulationSetup;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.EventReader;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.JsonlEventWriter;
import org.mercato.sim.kernel.KernelListener;
import org.mercato.sim.kernel.ThinkTime;
import org.mercato.sim.market.RevealSettings;
import org.mercato.sim.market.SearchSettings;
import org.mercato.sim.market.dynamics.Aggregation;
import org.mercato.sim.market.dynamics.FakeReviews;
import org.mercato.sim.market.dynamics.MarketDynamics;
import org.mercato.sim.market.dynamics.Refresh;
import org.mercato.sim.market.dynamics.Restock;
import org.mercato.sim.market.dynamics.Returns;
import org.mercato.sim.market.dynamics.ReviewFilter;
import org.mercato.sim.market.dynamics.Reviews;
import org.mercato.sim.market.dynamics.ServiceQuality;
import org.mercato.sim.market.presentation.PresentationSettings;
import org.mercato.sim.market.search.MarketVersion;
import org.mercato.sim.market.search.SearchMechanisms;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.policy.ServicePolicy;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.AssistantStarted;
import org.mercato.sim.protocol.Done;
import org.mercato.sim.protocol.Message;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.protocol.Pay;
import org.mercato.sim.protocol.PaymentSettled;
import org.mercato.sim.protocol.ProposalReceived;
import org.mercato.sim.protocol.Propose;
import org.mercato.sim.protocol.Rejected;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.protocol.SearchFilters;
import org.mercato.sim.protocol.SearchResults;
import org.mercato.sim.protocol.ServiceAction;
import org.mercato.sim.protocol.ServiceStarted;
import org.mercato.sim.protocol.WokenUp;

/**
 * A real market with dynamics (arrivals, return visits, periods, deliveries, a low-quality seller,
 * reviews with a fake budget and a filter, restocking): the folds fed live give exactly what they
 * give over the saved log read back, and the periods add up to the market's totals.
 */
class DynamicRunFoldsTest {
    private static final long PERIOD = 200_000;
    private static final long HORIZON = 2_000_000;

    /** Searches, writes to the top listing, pays the proposal, is done; ignores deliveries. */
    static final class Shopper implements AssistantPolicy {
        @Override
        public List<AssistantAction> onObservation(Observation observation, AgentContext context) {
            if (observation instanceof AssistantStarted) {
                return List.of(new Search("pizza", SearchFilters.NONE, 0));
            }
            if (observation instanceof SearchResults results) {
                return results.listings().isEmpty()
                        ? List.of(new Done("nothing found"))
                        : List.of(
                                Message.inquiry(results.listings().get(0).service(), "one pizza", Map.of("pizza", 1)));
            }
            if (observation instanceof ProposalReceived received) {
                return List.of(
                        new Pay(received.proposal().id(), received.proposal().total()));
            }
            if (observation instanceof PaymentSettled) {
                return List.of(new Done("paid"));
            }
            if (observation instanceof Rejected || observation instanceof WokenUp) {
                return List.of(new Done("gave up"));
            }
            return List.of();
        }
    }

    /** Proposes one pizza at its menu price to whoever writes. */
    static final class Seller implements ServicePolicy {
        private Service self;

        @Override
        public List<ServiceAction> onObservation(Observation observation, AgentContext context) {
            if (observation instanceof ServiceStarted started) {
                self = started.service();
            } else if (observation instanceof MessageReceived message) {
                long price = self.menu().get("pizza");
                return List.of(new Propose(
                        message.from(), List.of(new OrderLine("pizza", 1, price)), price, context.now() + 100_000));
            }
            return List.of();
        }
    }

    private static SimulationSetup setup() {
        List<Customer> customers = new ArrayList<>();
        long[] arrivals = new long[12];
        for (int i = 0; i < arrivals.length; i++) {
            customers.add(new Customer(
                    "c" + i,
                    null,
                    "pizza",
                    new TreeMap<>(Map.of("pizza", 1)),
                    new TreeMap<>(Map.of("pizza", 2_000L)),
                    new TreeSet<>(),
                    5_000));
            arrivals[i] = i * 70_000L;
        }
        List<Service> services = new ArrayList<>();
        double[] ratings = {4.8, 4.5, 4.0};
        for (int i = 0; i < ratings.length; i++) {
            services.add(new Service(
                    "s" + i,
                    null,
                    null,
                    new TreeMap<>(Map.of("pizza", 1_000L + 200L * i)),
                    new TreeSet<>(Set.of()),
                    ratings[i],
                    3,
                    new TreeMap<>(),
                    3,
                    null));
        }
        Catalog catalog = new Catalog(services, customers);
        MarketDynamics dynamics = new MarketDynamics(
                arrivals,
                PERIOD,
                HORIZON,
                new Returns(300_000, true),
                30_000,
                new ServiceQuality(1.0, new TreeMap<>(Map.of(0, List.of(new ServiceQuality.Step(0, 0.3))))),
                new Reviews(
                        0.9,
                        0.3,
                        new Aggregation.Bayesian(4.0, 2),
                        Refresh.PERIOD,
                        new ReviewFilter(0.5, 0.05),
                        List.of(new FakeReviews(0, 5, 250_000, 5))),
                new Restock(0, 0),
                null);
        List<SimulationSetup.Agent<AssistantPolicy>> shoppers = new ArrayList<>();
        customers.forEach(
                c -> shoppers.add(new SimulationSetup.Agent<>(new Shopper(), new ThinkTime.Uniform(1_000, 9_000))));
        List<SimulationSetup.Agent<ServicePolicy>> sellers = new ArrayList<>();
        services.forEach(s -> sellers.add(new SimulationSetup.Agent<>(new Seller(), ThinkTime.fixed(2_000))));
        return new SimulationSetup(
                catalog,
                shoppers,
                sellers,
                SearchMechanisms.create("simple", services, 7, new MarketVersion(), 64),
                new SearchSettings(3, 1, true),
                new KernelSettings(7, 1_000, HORIZON, 1, KernelSettings.Mode.BARE),
                PresentationSettings.DEFAULT,
                RevealSettings.IMMEDIATE,
                null,
                dynamics);
    }

    @Test
    void liveFoldsEqualTheFoldsOfTheSavedLogAndThePeriodsAddUpToTheTotals(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("events.jsonl");
        PeriodFold livePeriods = new PeriodFold();
        MetricsCollector liveMarket = new MetricsCollector();
        try (JsonlEventWriter writer = new JsonlEventWriter(Files.newOutputStream(log))) {
            Simulation.run(setup(), List.<EventSink>of(writer, livePeriods, liveMarket), KernelListener.NONE);
        }
        PeriodFold rereadPeriods = new PeriodFold();
        MetricsCollector rereadMarket = new MetricsCollector();
        EventReader.read(log, event -> {
            rereadPeriods.accept(event);
            rereadMarket.accept(event);
        });

        ObjectMapper json = new ObjectMapper();
        List<PeriodStats> periods = livePeriods.result();
        MarketMetrics market = liveMarket.metrics();
        assertThat(json.writeValueAsString(rereadPeriods.result())).isEqualTo(json.writeValueAsString(periods));
        assertThat(json.writeValueAsString(rereadMarket.metrics())).isEqualTo(json.writeValueAsString(market));

        assertThat(periods).hasSize((int) (HORIZON / PERIOD));
        long visits = periods.stream().mapToLong(PeriodStats::visits).sum();
        assertThat(periods.stream().mapToLong(PeriodStats::arrivals).sum()).isEqualTo(12);
        assertThat(visits).as("return visits").isGreaterThan(12);
        assertThat(visits).isEqualTo(market.eventsByType().get("arrival"));
        assertThat(periods.stream().mapToLong(PeriodStats::payments).sum())
                .isEqualTo(market.payments().count());
        assertThat(periods.stream().map(PeriodStats::welfare).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(market.welfare().total());
        assertThat(periods.stream().map(PeriodStats::optimum).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(market.welfare().optimal());
        assertThat(periods.stream().mapToLong(PeriodStats::fakeReviews).sum()).isPositive();
        assertThat(periods.stream().mapToLong(PeriodStats::reviews).sum()).isPositive();
        assertThat(periods.get(0).meanRatingByQuality()).containsKeys("q<0.5", "q>=0.9");
        assertThat(market.welfare().optimalMethod())
                .isEqualTo("best purchase per visit at true quality, capacities ignored: an upper bound");
    }
}

package org.mercato.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mercato.sim.KernelSettings;
import org.mercato.sim.KernelSettings.Mode;
import org.mercato.sim.SimulationSetup;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
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
import org.mercato.sim.protocol.ListingView;
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
 * A market with every dynamic on (arrivals, returns, deliveries, reviews with fakes and a filter,
 * re-listing, restocks, a quality change) writes the same bytes in the bare loop, with actors on
 * one and four threads, and with the rolling kernel.
 */
class DynamicsDeterminismTest {
    static final long PERIOD = 200_000;
    static final long HORIZON = 3_000_000;

    /** Searches, writes to a listing of the first page picked by its own stream, pays, is done. */
    static final class Shopper implements AssistantPolicy {
        @Override
        public List<AssistantAction> onObservation(Observation observation, AgentContext context) {
            if (observation instanceof AssistantStarted) {
                return List.of(new Search("pizza", SearchFilters.NONE, 0));
            }
            if (observation instanceof SearchResults results) {
                if (results.listings().isEmpty()) {
                    return List.of(new Done("nothing found"));
                }
                SplittableRandom random = context.random();
                // mostly the top listing, so the ranking (and so reputation) matters
                int pick = random.nextInt(4) == 0
                        ? random.nextInt(results.listings().size())
                        : 0;
                ListingView listing = results.listings().get(pick);
                return List.of(Message.inquiry(listing.service(), "one pizza", Map.of("pizza", 1)));
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
            return List.of(); // OrderDelivered, messages
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
                        message.from(),
                        List.of(new OrderLine("pizza", 1, price)),
                        price,
                        context.actsAt() + 3_600_000_000L));
            }
            return List.of();
        }
    }

    static Catalog catalog() {
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            customers.add(new Customer(
                    "c" + i,
                    null,
                    "pizza",
                    new TreeMap<>(Map.of("pizza", 1)),
                    new TreeMap<>(Map.of("pizza", 2_000L)),
                    new TreeSet<>(),
                    5_000));
        }
        List<Service> services = new ArrayList<>();
        double[] ratings = {4.8, 4.5, 4.0, 3.5};
        for (int i = 0; i < ratings.length; i++) {
            services.add(new Service(
                    "s" + i,
                    null,
                    null,
                    new TreeMap<>(Map.of("pizza", 1_000L + 100L * i)),
                    new TreeSet<>(Set.of()),
                    ratings[i],
                    4,
                    new TreeMap<>(),
                    2,
                    null));
        }
        return new Catalog(services, customers);
    }

    static MarketDynamics dynamics(Refresh refresh) {
        long[] arrivals = {0, 0, 40_000, 90_000, 150_000, 230_000, 400_000, 650_000};
        ServiceQuality quality = new ServiceQuality(
                1.0,
                new TreeMap<>(Map.of(
                        0, List.of(new ServiceQuality.Step(0, 0.2)),
                        1, List.of(new ServiceQuality.Step(700_000, 0.5)))));
        Reviews reviews = new Reviews(
                0.9,
                0.4,
                new Aggregation.Bayesian(4.0, 2),
                refresh,
                new ReviewFilter(0.5, 0.1),
                List.of(new FakeReviews(0, 6, 150_000, 5)));
        return new MarketDynamics(
                arrivals,
                PERIOD,
                HORIZON,
                new Returns(250_000, true),
                30_000,
                quality,
                reviews,
                new Restock(0, 1),
                null);
    }

    static SimulationSetup setup(MarketDynamics dynamics, Mode mode, int threads, boolean rolling, boolean guessing) {
        Catalog catalog = catalog();
        List<SimulationSetup.Agent<AssistantPolicy>> assistants = new ArrayList<>();
        for (int i = 0; i < catalog.customers().size(); i++) {
            AssistantPolicy shopper = new Shopper();
            assistants.add(new SimulationSetup.Agent<>(
                    guessing ? new DispatcherEquivalenceProperties.GuessingAssistant(shopper) : shopper,
                    new ThinkTime.Uniform(1_000, 9_000)));
        }
        List<SimulationSetup.Agent<ServicePolicy>> sellers = new ArrayList<>();
        for (int i = 0; i < catalog.services().size(); i++) {
            ServicePolicy seller = new Seller();
            sellers.add(new SimulationSetup.Agent<>(
                    guessing ? new DispatcherEquivalenceProperties.GuessingService(seller) : seller,
                    ThinkTime.fixed(2_000)));
        }
        return new SimulationSetup(
                catalog,
                assistants,
                sellers,
                SearchMechanisms.create("simple", catalog.services(), 7, new MarketVersion(), 64),
                new SearchSettings(2, 2, true),
                new KernelSettings(7, 1_000, HORIZON, threads, mode, rolling),
                PresentationSettings.DEFAULT,
                RevealSettings.IMMEDIATE,
                null,
                dynamics);
    }

    static String log(SimulationSetup setup) {
        return new String(Sims.jsonl(setup), StandardCharsets.UTF_8);
    }

    @Test
    void everyKernelAndThreadCountWritesTheSameLog() {
        for (Refresh refresh : Refresh.values()) {
            MarketDynamics dynamics = dynamics(refresh);
            String bare = log(setup(dynamics, Mode.BARE, 1, false, false));
            assertThat(bare)
                    .contains("\"type\":\"arrival\",\"customer\":\"c7\",\"visit\":0")
                    .containsPattern("\"type\":\"arrival\",\"customer\":\"c\\d\",\"visit\":[1-9]")
                    .contains("\"type\":\"period\",\"period\":14,\"start\":2800000,\"end\":3000000")
                    .contains("\"type\":\"delivery\"")
                    .contains("\"type\":\"quality\",\"service\":\"s0\",\"quality\":0.2")
                    .contains("\"type\":\"quality\",\"service\":\"s1\",\"quality\":0.5")
                    .contains("\"fake\":true}")
                    .contains("\"fake\":true,\"filtered\":true}")
                    .containsPattern("\"proposal\":\"[^\"]+\",\"stars\":\\d}")
                    .contains("\"type\":\"reputation\"")
                    .contains("\"type\":\"restock\"")
                    .contains("\"reason\":\"sold_out\"");
            assertThat(log(setup(dynamics, Mode.ACTORS, 4, true, true))).isEqualTo(bare);
            if (refresh == Refresh.PERIOD) { // the other kernels once: the refresh rule does not touch them
                assertThat(log(setup(dynamics, Mode.ACTORS, 1, false, false))).isEqualTo(bare);
                assertThat(log(setup(dynamics, Mode.ACTORS, 4, false, false))).isEqualTo(bare);
                assertThat(log(setup(dynamics, Mode.BARE, 1, true, true))).isEqualTo(bare);
            }
        }
    }
}

package org.mercato.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mercato.sim.KernelSettings;
import org.mercato.sim.Simulation;
import org.mercato.sim.SimulationSetup;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.ArrivalEvent;
import org.mercato.sim.events.DeliveryEvent;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.PaymentEvent;
import org.mercato.sim.kernel.KernelListener;
import org.mercato.sim.kernel.ThinkTime;
import org.mercato.sim.market.dynamics.MarketDynamics;
import org.mercato.sim.market.dynamics.Returns;
import org.mercato.sim.market.dynamics.ServiceQuality;
import org.mercato.sim.policy.AssistantPolicy;

/**
 * A whole market with returning customers: four sellers of the same pizza, the cheapest two
 * delivering poorly. Rational shoppers without memory buy the cheapest every visit; with memory
 * they avoid the disappointing sellers and settle on the one that delivers.
 */
class LoyaltyMarketTest {
    private static final long HOUR = 3_600_000_000L;
    private static final PolicyRegistry REGISTRY = PolicyRegistry.builtIn();
    private static final int CUSTOMERS = 6;

    private static Catalog catalog() {
        List<Service> services = new ArrayList<>();
        long[] prices = {1_000, 1_050, 1_200, 1_300};
        for (int i = 0; i < prices.length; i++) {
            services.add(Service.of("s" + i, Map.of("pizza", prices[i]), Set.of(), 4.0, 10));
        }
        return new Catalog(services, ReturningPizzaMarket.shoppers(CUSTOMERS));
    }

    private static List<LoggedEvent> run(Map<String, ?> shopperParams) {
        Catalog catalog = catalog();
        List<SimulationSetup.Agent<AssistantPolicy>> assistants = new ArrayList<>();
        var shoppers = REGISTRY.assistant("rational", shopperParams);
        for (int i = 0; i < CUSTOMERS; i++) {
            assistants.add(new SimulationSetup.Agent<>(shoppers.get(), ThinkTime.fixed(100_000)));
        }
        long horizon = 12 * HOUR;
        long[] arrivals = new long[CUSTOMERS];
        for (int i = 0; i < CUSTOMERS; i++) {
            arrivals[i] = i * 60_000_000L;
        }
        MarketDynamics dynamics = new MarketDynamics(
                arrivals,
                0,
                horizon,
                new Returns(HOUR, false),
                10 * 60_000_000L,
                ServiceQuality.constant(1.0, Map.of(0, 0.3, 1, 0.4)),
                null,
                null,
                null);
        SimulationSetup setup = ReturningPizzaMarket.setup(
                catalog,
                assistants,
                200_000,
                new KernelSettings(11, 5_000, horizon, 1, KernelSettings.Mode.BARE),
                dynamics);
        List<LoggedEvent> events = new ArrayList<>();
        Simulation.run(setup, List.of(events::add), KernelListener.NONE);
        return events;
    }

    /** Payments per seller from the {@code fromVisit}-th visit of each customer on. */
    private static Map<String, Integer> paymentsFrom(List<LoggedEvent> events, int fromVisit) {
        Map<String, Integer> visit = new TreeMap<>();
        Map<String, Integer> paid = new TreeMap<>();
        for (LoggedEvent logged : events) {
            if (logged.event() instanceof ArrivalEvent arrival) {
                visit.put(arrival.customer(), arrival.visit());
            } else if (logged.event() instanceof PaymentEvent payment
                    && visit.getOrDefault(payment.customer(), 0) >= fromVisit) {
                paid.merge(payment.service(), 1, Integer::sum);
            }
        }
        return paid;
    }

    @Test
    void loyalCustomersConcentrateOnTheSellerThatDeliversAndOthersKeepBuyingTheCheapest() {
        Map<String, Object> base = Map.of("inquiries", 4, "patience", "5s");
        List<LoggedEvent> plain = run(base);
        List<LoggedEvent> loyal = run(
                Map.of("inquiries", 4, "patience", "5s", "memory", Map.of("keep", 0.8, "avoid", 0.5, "weight", 0.5)));

        assertThat(plain).anyMatch(e -> e.event() instanceof ArrivalEvent a && a.visit() >= 5);
        assertThat(loyal).anyMatch(e -> e.event() instanceof DeliveryEvent);
        // no memory: every visit buys the cheapest, however it delivers
        assertThat(paymentsFrom(plain, 0).keySet()).containsExactly("s0");
        // memory: the two poor sellers are tried once each, then s2 is kept
        Map<String, Integer> settled = paymentsFrom(loyal, 2);
        assertThat(settled.keySet()).containsExactly("s2");
        assertThat(settled.get("s2")).isGreaterThanOrEqualTo(3 * CUSTOMERS);
        assertThat(paymentsFrom(loyal, 0)).containsEntry("s0", CUSTOMERS).containsEntry("s1", CUSTOMERS);
    }
}

package org.mercato.agents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mercato.sim.KernelSettings;
import org.mercato.sim.SimulationSetup;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.kernel.ThinkTime;
import org.mercato.sim.market.RevealSettings;
import org.mercato.sim.market.SearchSettings;
import org.mercato.sim.market.dynamics.MarketDynamics;
import org.mercato.sim.market.presentation.PresentationSettings;
import org.mercato.sim.market.search.SimpleSearch;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.policy.ServicePolicy;

/** The small market of the return-visit tests: shoppers who each want one pizza, posted-price sellers. */
public final class ReturningPizzaMarket {
    private ReturningPizzaMarket() {}

    /** Shoppers {@code c0 ..} wanting one pizza worth 15.00, with 50.00 to spend. */
    public static List<Customer> shoppers(int count) {
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            customers.add(new Customer(
                    "c" + i,
                    "c" + i,
                    "pizza",
                    new TreeMap<>(Map.of("pizza", 1)),
                    new TreeMap<>(Map.of("pizza", 1_500L)),
                    new TreeSet<>(),
                    5_000));
        }
        return customers;
    }

    /** The catalog's market with these shoppers, a posted-price seller per service and simple search. */
    public static SimulationSetup setup(
            Catalog catalog,
            List<SimulationSetup.Agent<AssistantPolicy>> shoppers,
            long sellerThinkTime,
            KernelSettings kernel,
            MarketDynamics dynamics) {
        List<SimulationSetup.Agent<ServicePolicy>> sellers = new ArrayList<>();
        var postedPrice = PolicyRegistry.builtIn().service("posted-price", Map.of());
        for (int i = 0; i < catalog.services().size(); i++) {
            sellers.add(new SimulationSetup.Agent<>(postedPrice.get(), ThinkTime.fixed(sellerThinkTime)));
        }
        return new SimulationSetup(
                catalog,
                shoppers,
                sellers,
                new SimpleSearch(catalog.services()),
                SearchSettings.DEFAULT,
                kernel,
                PresentationSettings.DEFAULT,
                RevealSettings.IMMEDIATE,
                null,
                dynamics);
    }
}

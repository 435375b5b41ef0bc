package org.mercato.gateway.turns;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mercato.agents.ReturningPizzaMarket;
import org.mercato.sim.KernelSettings;
import org.mercato.sim.Simulation;
import org.mercato.sim.SimulationSetup;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.kernel.KernelListener;
import org.mercato.sim.kernel.ThinkTime;
import org.mercato.sim.market.dynamics.MarketDynamics;
import org.mercato.sim.market.dynamics.Returns;
import org.mercato.sim.market.dynamics.ServiceQuality;
import org.mercato.sim.policy.AssistantPolicy;

/**
 * A small market that lives over time, for the outside shoppers of these tests (built with the agents
 * module's ReturningPizzaMarket, from its test jar): customers {@code c0
 * ..} who each want one pizza, arriving 20 s apart and coming back an hour after each visit ends,
 * two posted-price pizzerias (s0 delivers at quality 0.3), orders delivered a minute after payment,
 * a three-hour horizon: three visits per customer. Every shopper is external, on {@code turns}.
 */
final class ReturningMarket {
    static final long HOUR = 3_600_000_000L;
    static final long HORIZON = 3 * HOUR;

    private ReturningMarket() {}

    /** The market's events, each as its events.jsonl line. */
    static List<String> run(ExternalTurns turns, int customers) {
        List<SimulationSetup.Agent<AssistantPolicy>> shoppers = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            shoppers.add(new SimulationSetup.Agent<>(new ExternalAssistantPolicy(turns), ThinkTime.fixed(1_000_000)));
        }
        Catalog catalog = new Catalog(
                List.of(
                        Service.of("s0", Map.of("pizza", 1_000L), Set.of(), 4.5, 10),
                        Service.of("s1", Map.of("pizza", 1_100L), Set.of(), 4.0, 10)),
                ReturningPizzaMarket.shoppers(customers));
        long[] arrivals = new long[customers];
        for (int i = 0; i < customers; i++) {
            arrivals[i] = i * 20_000_000L;
        }
        MarketDynamics dynamics = new MarketDynamics(
                arrivals,
                0,
                HORIZON,
                new Returns(HOUR, false),
                60_000_000,
                ServiceQuality.constant(1.0, Map.of(0, 0.3)),
                null,
                null,
                null);
        SimulationSetup setup = ReturningPizzaMarket.setup(
                catalog,
                shoppers,
                500_000,
                new KernelSettings(5, 10_000, HORIZON, 1, KernelSettings.Mode.BARE),
                dynamics);
        List<String> lines = new ArrayList<>();
        Simulation.run(
                setup,
                List.of((LoggedEvent e) -> {
                    StringBuilder line = new StringBuilder();
                    e.writeJson(line);
                    lines.add(line.toString());
                }),
                KernelListener.NONE);
        return lines;
    }
}

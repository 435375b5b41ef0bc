package org.mercato.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
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
 * LLM shoppers with memory in a whole market with return visits and deliveries, against a model on
 * loopback: the rolling kernel with requests sent ahead writes the log the bare loop writes, and a
 * return visit's prompt tells the orders of the earlier visits.
 */
class LlmReturnsMarketTest {
    private static final long HOUR = 3_600_000_000L;
    private static final int CUSTOMERS = 3;

    private static Catalog catalog() {
        List<Service> services = List.of(
                Service.of("s0", Map.of("pizza", 1_000L), Set.of(), 4.5, 10),
                Service.of("s1", Map.of("pizza", 1_100L), Set.of(), 4.0, 10));
        return new Catalog(services, ReturningPizzaMarket.shoppers(CUSTOMERS));
    }

    private static String run(LlmAgentSettings settings, KernelSettings kernel) {
        Catalog catalog = catalog();
        List<SimulationSetup.Agent<AssistantPolicy>> assistants = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            assistants.add(
                    new SimulationSetup.Agent<>(new LlmAssistantPolicy(settings, 2), ThinkTime.fixed(1_000_000)));
        }
        MarketDynamics dynamics = new MarketDynamics(
                new long[] {0, 20_000_000, 40_000_000},
                0,
                kernel.horizon(),
                new Returns(HOUR, false),
                60_000_000,
                ServiceQuality.constant(1.0, Map.of(0, 0.3)),
                null,
                null,
                null);
        SimulationSetup setup = ReturningPizzaMarket.setup(catalog, assistants, 500_000, kernel, dynamics);
        StringBuilder log = new StringBuilder();
        Simulation.run(setup, List.of((LoggedEvent e) -> e.writeJson(log)), KernelListener.NONE);
        return log.toString();
    }

    @Test
    void returnVisitsTellThePastOrdersAndTheRollingKernelWritesTheBareLog() throws IOException {
        long horizon = 3 * HOUR;
        try (ScriptedShopperModel bareModel = new ScriptedShopperModel();
                ScriptedShopperModel rollingModel = new ScriptedShopperModel()) {
            String bare =
                    run(bareModel.settings(false), new KernelSettings(5, 10_000, horizon, 1, KernelSettings.Mode.BARE));
            String rolling = run(
                    rollingModel.settings(true),
                    new KernelSettings(5, 10_000, horizon, 3, KernelSettings.Mode.ACTORS, true));
            assertThat(rolling).isEqualTo(bare);
            assertThat(bare)
                    .contains("\"type\":\"arrival\",\"customer\":\"c2\",\"visit\":2")
                    .contains("\"type\":\"delivery\"");
            List<String> systems = new ArrayList<>();
            for (int n = 0; n < bareModel.bodies.size(); n++) {
                systems.add(bareModel.system(n));
            }
            // the third visit of c0 tells its two orders, both from the top listing s0
            assertThat(systems)
                    .anyMatch(s -> s.contains("customer c0 ")
                            && s.endsWith("Its last 2 orders (oldest first; quality 1.00 = delivered as listed,"
                                    + " 0.00 = worthless):\n- from s0: paid 10.00, delivered at quality 0.30\n"
                                    + "- from s0: paid 10.00, delivered at quality 0.30\n"));
        }
    }
}

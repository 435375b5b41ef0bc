package org.mercato.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.kernel.ThinkTime;
import org.mercato.sim.market.SearchSettings;
import org.mercato.sim.market.dynamics.Aggregation;
import org.mercato.sim.market.dynamics.FakeReviews;
import org.mercato.sim.market.dynamics.MarketDynamics;
import org.mercato.sim.market.dynamics.Reviews;
import org.mercato.sim.market.dynamics.ServiceQuality;
import org.mercato.sim.market.search.SimpleSearch;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.policy.ServicePolicy;

class SimulationSetupDynamicsTest {
    private static final Catalog CATALOG = new Catalog(
            List.of(Service.of("s0", Map.of("pizza", 100L), Set.of(), 4.0, 1)),
            List.of(new Customer(
                    "c0",
                    null,
                    null,
                    new TreeMap<>(Map.of("pizza", 1)),
                    new TreeMap<>(Map.of("pizza", 200L)),
                    new TreeSet<>(),
                    500)));

    private static SimulationSetup setup(MarketDynamics dynamics) {
        AssistantPolicy shopper = (observation, context) -> List.of();
        ServicePolicy seller = (observation, context) -> List.of();
        return new SimulationSetup(
                CATALOG,
                Collections.nCopies(1, new SimulationSetup.Agent<>(shopper, ThinkTime.fixed(1))),
                Collections.nCopies(1, new SimulationSetup.Agent<>(seller, ThinkTime.fixed(1))),
                new SimpleSearch(CATALOG.services()),
                SearchSettings.DEFAULT,
                KernelSettings.defaults(1),
                null,
                null,
                null,
                dynamics);
    }

    private static Reviews fakes(FakeReviews... campaigns) {
        return new Reviews(0.5, 0, new Aggregation.Mean(), null, null, List.of(campaigns));
    }

    @Test
    void theOldConstructorAndWithKernelKeepTheDynamics() {
        MarketDynamics dynamics = new MarketDynamics(new long[] {5}, 0, 0, null, 10, null, null, null, null);
        SimulationSetup setup = setup(dynamics);
        assertThat(setup.withKernel(KernelSettings.defaults(2)).dynamics()).isEqualTo(dynamics);
        SimulationSetup old = new SimulationSetup(
                setup.catalog(),
                setup.assistants(),
                setup.sellers(),
                setup.search(),
                setup.searchSettings(),
                setup.kernel(),
                null,
                null,
                null);
        assertThat(old.dynamics()).isNull();
    }

    @Test
    void dynamicsThatDoNotFitTheCatalogAreRefused() {
        assertThatThrownBy(() -> setup(new MarketDynamics(new long[] {1, 2}, 0, 0, null, 0, null, null, null, null)))
                .hasMessage("need one arrival time per customer: 2 for 1 customers");
        assertThatThrownBy(() -> setup(new MarketDynamics(
                        null, 0, 0, null, 0, ServiceQuality.constant(1, Map.of(1, 0.5)), null, null, null)))
                .hasMessage("a quality schedule for service index 1 but the catalog has 1 services");
        assertThatThrownBy(() -> setup(
                        new MarketDynamics(null, 0, 0, null, 0, null, fakes(new FakeReviews(3, 1, 10, 5)), null, null)))
                .hasMessage("fake reviews for service index 3 but the catalog has 1 services");
        assertThatThrownBy(() -> setup(new MarketDynamics(
                        null,
                        0,
                        0,
                        null,
                        0,
                        null,
                        fakes(new FakeReviews(0, 1, 10, 5), new FakeReviews(0, 2, 10, 4)),
                        null,
                        null)))
                .hasMessage("two fake-review campaigns for service s0");
    }
}

package org.mercato.sim.market.dynamics;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.EventRecorder;
import org.mercato.sim.market.AgentDirectory;
import org.mercato.sim.market.Market;
import org.mercato.sim.market.ProposalReveal;
import org.mercato.sim.market.SearchSettings;
import org.mercato.sim.market.presentation.PagePresenter;
import org.mercato.sim.market.search.SimpleSearch;

/** Repricing sellers are refused, with the reason, where they cannot work. */
class RepricingSetupTest {
    private static Repricing firms(int n) {
        return new Repricing() {
            @Override
            public int firms() {
                return n;
            }

            @Override
            public long[] open(EventRecorder log) {
                return new long[n];
            }

            @Override
            public long[] next(long ended, long shoppers, long[] sales, long[] profits) {
                return new long[n];
            }
        };
    }

    @Test
    void repricingNeedsPeriods() {
        assertThatThrownBy(() -> new MarketDynamics(null, 0, 100, null, 0, null, null, null, firms(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("repricing sellers need periods");
    }

    @Test
    void theFirmsMustBeTheCatalogsServices() {
        List<Service> services = List.of(
                Service.of("s0", Map.of("pizza", 100L), Set.of(), 4, 1),
                Service.of("s1", Map.of("pizza", 100L), Set.of(), 4, 1));
        AgentDirectory agents = new AgentDirectory(new Catalog(services, List.of()));
        MarketDynamics dynamics = new MarketDynamics(null, 10, 100, null, 0, null, null, null, firms(3));
        assertThatThrownBy(() -> new Market(
                        agents,
                        new SimpleSearch(services),
                        SearchSettings.DEFAULT,
                        PagePresenter.plainList(),
                        ProposalReveal.immediate(),
                        null,
                        dynamics,
                        1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the repricing sellers are 3 firms but the catalog has 2 services (firm i is service i)");
    }
}

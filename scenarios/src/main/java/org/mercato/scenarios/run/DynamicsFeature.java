package org.mercato.scenarios.run;

import org.mercato.scenarios.dynamics.ArrivalTimes;
import org.mercato.scenarios.dynamics.DynamicsFactory;
import org.mercato.scenarios.model.DynamicsConfig;
import org.mercato.sim.market.dynamics.MarketDynamics;

/**
 * A market that lives over time ({@code market.dynamics}): gives unlimited services the restock
 * capacity, then, over the final catalog, the {@link MarketDynamics} the kernel runs (its horizon is
 * the kernel's, see {@link CoreMarketFeature#kernel}). Warns when some customers arrive only after
 * the horizon. Does nothing without the section.
 */
public final class DynamicsFeature implements RunFeature {
    @Override
    public void wireMarket(MarketWiring market) {
        DynamicsConfig config = market.scenario().market().dynamics();
        if (config != null) {
            market.catalog(DynamicsFactory.withStock(config, market.catalog()));
        }
    }

    @Override
    public void completeMarket(MarketWiring market) {
        DynamicsConfig config = market.scenario().market().dynamics();
        if (config == null) {
            return;
        }
        MarketDynamics dynamics =
                DynamicsFactory.create(config, market.scenario().seed(), market.catalog());
        long[] arrivals = dynamics.arrivals();
        if (arrivals != null && ArrivalTimes.arriving(arrivals) < arrivals.length) {
            market.warn((arrivals.length - ArrivalTimes.arriving(arrivals)) + " of " + arrivals.length
                    + " customers would arrive after the horizon ("
                    + config.horizon().text()
                    + ") and never shop: raise market.dynamics.arrivals or lower market.generate.customers");
        }
        market.dynamics(dynamics);
    }
}

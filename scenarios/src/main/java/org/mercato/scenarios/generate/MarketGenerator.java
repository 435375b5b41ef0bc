package org.mercato.scenarios.generate;

import org.mercato.sim.domain.Catalog;

/**
 * A seeded market generator for one domain. Every entity draws from its own stream (seed, domain,
 * entity id), so changing the number of customers never changes the services, and the reverse.
 */
public interface MarketGenerator {
    Catalog generate(int customers, int services, int maxItemsPerCustomer);
}

package org.mercato.sim.market;

/**
 * How results are paged and what a page reveals. {@code pageLimit} caps how many pages an
 * assistant can reach; {@code revealPrices} shows menu prices on the results page.
 */
public record SearchSettings(int pageSize, int pageLimit, boolean revealPrices) {
    public static final SearchSettings DEFAULT = new SearchSettings(10, 10, true);

    public SearchSettings {
        if (pageSize < 1) {
            throw new IllegalArgumentException("search page size must be >= 1, was " + pageSize);
        }
        if (pageLimit < 1) {
            throw new IllegalArgumentException("search page limit must be >= 1, was " + pageLimit);
        }
    }
}

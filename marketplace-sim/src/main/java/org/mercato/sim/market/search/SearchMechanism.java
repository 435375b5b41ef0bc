package org.mercato.sim.market.search;

import java.util.List;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.protocol.Search;

/**
 * Ranks services for a search. Implementations must be deterministic: ties break by service id.
 * The searching customer's hidden needs are passed for mechanisms (such as an oracle) that use them.
 */
public interface SearchMechanism {
    /** The full ranked result list, before paging. */
    List<Service> rank(Search search, Customer searcher);

    /**
     * The ranking {@link #rank} would return now, without changing anything (no counters, caches or
     * random streams touched), or null when a mechanism cannot tell without drawing. Used to predict
     * what a search will show before it is its turn; the default cannot tell.
     */
    default List<Service> preview(Search search, Customer searcher) {
        return null;
    }

    /**
     * The same mechanism over changed listings ({@code services}: same ids in the same order, with
     * their current ratings and review counts), or null when this mechanism cannot re-list. A market
     * whose ratings change re-lists through this and bumps its {@link MarketVersion}.
     */
    default SearchMechanism relist(List<Service> services) {
        return null;
    }

    /** What embedding cost so far, for the mechanisms that embed text; null for the others. */
    default EmbeddingStats embeddingStats() {
        return null;
    }
}

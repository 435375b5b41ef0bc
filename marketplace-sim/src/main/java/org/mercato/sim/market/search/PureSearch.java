package org.mercato.sim.market.search;

import java.util.List;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.protocol.Search;

/**
 * A mechanism whose ranking is a pure function of the search and the listings (no counters,
 * caches or random streams), so the preview is the ranking itself.
 */
public interface PureSearch extends SearchMechanism {
    @Override
    default List<Service> preview(Search search, Customer searcher) {
        return rank(search, searcher);
    }
}

package org.mercato.sim.market.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.protocol.SearchFilters;

/**
 * Every service by rating, highest first, ties broken by id; the query text is ignored, filters
 * apply (a price cap is judged by the whole menu).
 */
public final class SimpleSearch implements PureSearch {
    private static final Comparator<Service> BY_RATING =
            Comparator.comparingDouble(Service::rating).reversed().thenComparing(Service::id);

    private final List<Service> ranked;

    public SimpleSearch(List<Service> services) {
        List<Service> sorted = new ArrayList<>(services);
        sorted.sort(BY_RATING);
        this.ranked = List.copyOf(sorted);
    }

    @Override
    public SimpleSearch relist(List<Service> services) {
        return new SimpleSearch(services);
    }

    @Override
    public List<Service> rank(Search search, Customer searcher) {
        SearchFilters filters = search.filters();
        if (filters.isEmpty()) {
            return ranked;
        }
        List<Service> kept = new ArrayList<>();
        for (Service service : ranked) {
            if (filters.admits(service)) {
                kept.add(service);
            }
        }
        return kept;
    }
}

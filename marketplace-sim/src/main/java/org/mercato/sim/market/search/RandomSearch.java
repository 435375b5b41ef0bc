package org.mercato.sim.market.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.random.Seeds;

/**
 * A fresh random order for every search: the services that pass the filters (a price cap judged by
 * the whole menu), shuffled with a stream of the searching customer's own, derived from the run's
 * seed, {@code search/random}, the customer's id and how many searches it made before. So a
 * customer's k-th search always gets the same order, whatever other customers searched meanwhile,
 * and {@link #preview} can tell the next one without drawing. Never cached: a cached draw would no
 * longer be random.
 */
public final class RandomSearch implements SearchMechanism {
    private final List<Service> byId;
    private final long seed;
    private final Map<String, Integer> searches;

    public RandomSearch(List<Service> services, long seed) {
        this(services, seed, new HashMap<>());
    }

    private RandomSearch(List<Service> services, long seed, Map<String, Integer> searches) {
        List<Service> sorted = new ArrayList<>(services);
        sorted.sort(Comparator.comparing(Service::id));
        this.byId = List.copyOf(sorted);
        this.seed = seed;
        this.searches = searches;
    }

    /** The changed listings, each customer's search count kept (so its next order is the same). */
    @Override
    public RandomSearch relist(List<Service> services) {
        return new RandomSearch(services, seed, searches);
    }

    @Override
    public List<Service> rank(Search search, Customer searcher) {
        int made = searches.merge(idOf(searcher), 1, Integer::sum) - 1;
        return shuffled(search, searcher, made);
    }

    /** The order the searcher's next search will get; counts nothing. */
    @Override
    public List<Service> preview(Search search, Customer searcher) {
        return shuffled(search, searcher, searches.getOrDefault(idOf(searcher), 0));
    }

    private List<Service> shuffled(Search search, Customer searcher, int made) {
        SplittableRandom random = Seeds.derive(seed, "search/random/" + idOf(searcher) + "/" + made);
        List<Service> order = new ArrayList<>(byId.size());
        for (Service service : byId) {
            if (search.filters().admits(service)) {
                order.add(service);
            }
        }
        for (int i = order.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Service swap = order.get(i);
            order.set(i, order.get(j));
            order.set(j, swap);
        }
        return order;
    }

    private static String idOf(Customer searcher) {
        return searcher == null ? "" : searcher.id();
    }
}

package org.mercato.sim.market.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.kernel.Seeds;
import org.mercato.sim.market.SearchMechanism;
import org.mercato.sim.protocol.Search;

/**
 * A fresh random order for every search: the services that pass the filters (a price cap judged by
 * the whole menu), shuffled with a stream derived from the run's seed and {@code search/random}.
 * The market applies searches one at a time in the kernel's order, so the n-th search of a run
 * always gets the same order. Never cached: a cached draw would no longer be random.
 */
public final class RandomSearch implements SearchMechanism {
    private final List<Service> byId;
    private final SplittableRandom random;

    public RandomSearch(List<Service> services, long seed) {
        List<Service> sorted = new ArrayList<>(services);
        sorted.sort(Comparator.comparing(Service::id));
        this.byId = List.copyOf(sorted);
        this.random = Seeds.derive(seed, "search/random");
    }

    @Override
    public List<Service> rank(Search search, Customer searcher) {
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
}

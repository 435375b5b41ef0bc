package org.mercato.sim.market.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.protocol.Search;

/**
 * Magentic's "optimal" search: exactly the services that can fulfil the searcher's hidden needs,
 * that is carry every requested item and have every required amenity. Cheapest first, by the
 * posted-price total of the requested items and quantities (every feasible seller is worth the
 * same to the customer, so the first result is the best purchase at posted prices), ties by id.
 * The query text and the search's filters are ignored: the oracle knows what the customer needs.
 */
public final class OracleSearch implements PureSearch {
    /** What an oracle ranking depends on, and so its cache key. */
    public record Needs(SortedMap<String, Integer> items, SortedSet<String> amenities) {
        public static Needs of(Customer customer) {
            return new Needs(customer.items(), customer.requiredAmenities());
        }
    }

    private record Offer(Service service, long total) {}

    private static final Comparator<Offer> CHEAPEST_FIRST = Comparator.comparingLong(Offer::total)
            .thenComparing(offer -> offer.service().id());

    private final List<Service> services;

    public OracleSearch(List<Service> services) {
        this.services = List.copyOf(services);
    }

    @Override
    public OracleSearch relist(List<Service> services) {
        return new OracleSearch(services);
    }

    @Override
    public List<Service> rank(Search search, Customer searcher) {
        return rank(Needs.of(searcher));
    }

    public List<Service> rank(Needs needs) {
        List<Offer> feasible = new ArrayList<>();
        for (Service service : services) {
            if (service.hasAmenities(needs.amenities()) && carriesAll(service, needs.items())) {
                feasible.add(new Offer(service, total(service, needs.items())));
            }
        }
        feasible.sort(CHEAPEST_FIRST);
        List<Service> ranked = new ArrayList<>(feasible.size());
        for (Offer offer : feasible) {
            ranked.add(offer.service());
        }
        return ranked;
    }

    private static boolean carriesAll(Service service, Map<String, Integer> items) {
        for (String item : items.keySet()) {
            if (!service.carries(item)) {
                return false;
            }
        }
        return true;
    }

    private static long total(Service service, Map<String, Integer> items) {
        long total = 0;
        for (Map.Entry<String, Integer> item : items.entrySet()) {
            total += service.menu().get(item.getKey()) * item.getValue();
        }
        return total;
    }
}

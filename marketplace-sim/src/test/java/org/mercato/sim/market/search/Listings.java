package org.mercato.sim.market.search;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;

/** Small catalogs for the search tests. */
final class Listings {
    private Listings() {}

    static Service service(String id, String name, String description, Map<String, Long> menu) {
        return new Service(id, name, description, new TreeMap<>(menu), new TreeSet<>(), 4.0, 10);
    }

    static Service service(String id, Map<String, Long> menu, Set<String> amenities, double rating) {
        return Service.of(id, menu, amenities, rating, 10);
    }

    static Customer customer(String id, Map<String, Integer> items, Set<String> amenities) {
        TreeMap<String, Long> values = new TreeMap<>();
        items.keySet().forEach(item -> values.put(item, 1000L));
        return new Customer(id, id, "", new TreeMap<>(items), values, new TreeSet<>(amenities), 100_000);
    }

    static List<String> ids(List<Service> services) {
        return services.stream().map(Service::id).toList();
    }
}

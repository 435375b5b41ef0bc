package org.mercato.sim.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Everything the market sells and everyone who shops in it. Ids must be unique across both lists. */
public record Catalog(List<Service> services, List<Customer> customers) {
    public Catalog {
        services = List.copyOf(services);
        customers = List.copyOf(customers);
        Set<String> ids = new HashSet<>();
        for (Service service : services) {
            if (!ids.add(service.id())) {
                throw new IllegalArgumentException("duplicate id " + service.id());
            }
        }
        for (Customer customer : customers) {
            if (!ids.add(customer.id())) {
                throw new IllegalArgumentException("duplicate id " + customer.id());
            }
        }
    }
}

package org.mercato.sim.market;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;

/**
 * Numbers every agent: customers' assistants first (0 .. customers-1), then services. The number is
 * the agent id in the kernel's ordering rule.
 */
public final class AgentDirectory {
    private final List<Customer> customers;
    private final List<Service> services;
    private final Map<String, Integer> indexById;

    public AgentDirectory(Catalog catalog) {
        this.customers = catalog.customers();
        this.services = catalog.services();
        this.indexById = new HashMap<>(2 * (customers.size() + services.size()));
        for (int i = 0; i < customers.size(); i++) {
            indexById.put(customers.get(i).id(), i);
        }
        for (int i = 0; i < services.size(); i++) {
            indexById.put(services.get(i).id(), customers.size() + i);
        }
    }

    public int size() {
        return customers.size() + services.size();
    }

    public int customerCount() {
        return customers.size();
    }

    public boolean isCustomer(int agent) {
        return agent < customers.size();
    }

    public boolean isService(int agent) {
        return agent >= customers.size() && agent < size();
    }

    /** The agent number for an id, or -1. */
    public int indexOf(String id) {
        Integer index = indexById.get(id);
        return index == null ? -1 : index;
    }

    public String idOf(int agent) {
        return isCustomer(agent) ? customers.get(agent).id() : service(agent).id();
    }

    public Customer customer(int agent) {
        return customers.get(agent);
    }

    public Service service(int agent) {
        return services.get(agent - customers.size());
    }

    public List<Customer> customers() {
        return customers;
    }

    public List<Service> services() {
        return services;
    }
}

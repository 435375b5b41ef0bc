package org.mercato.sim.market;

import java.util.List;
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
    private final String[] ids;
    // The kernel thread looks up an id for nearly every action: an open-addressing table of ids and
    // agent numbers costs it one probe of two arrays where a HashMap chases a node and a boxed number.
    private final String[] slotIds;
    private final int[] slotAgents;

    public AgentDirectory(Catalog catalog) {
        this.customers = catalog.customers();
        this.services = catalog.services();
        this.ids = new String[customers.size() + services.size()];
        this.slotIds = new String[Integer.highestOneBit(Math.max(2, 2 * ids.length)) << 1];
        this.slotAgents = new int[slotIds.length];
        for (int i = 0; i < customers.size(); i++) {
            put(customers.get(i).id(), i);
        }
        for (int i = 0; i < services.size(); i++) {
            put(services.get(i).id(), customers.size() + i);
        }
    }

    private void put(String id, int agent) {
        ids[agent] = id;
        int slot = slotOf(id);
        slotIds[slot] = id;
        slotAgents[slot] = agent;
    }

    /** The slot holding {@code id}, or the empty slot where it would go. */
    private int slotOf(String id) {
        int mask = slotIds.length - 1;
        int h = id.hashCode();
        int slot = (h ^ (h >>> 16)) & mask;
        for (String held = slotIds[slot]; held != null && !held.equals(id); held = slotIds[slot]) {
            slot = (slot + 1) & mask;
        }
        return slot;
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
        if (id == null) {
            return -1;
        }
        int slot = slotOf(id);
        return slotIds[slot] == null ? -1 : slotAgents[slot];
    }

    public String idOf(int agent) {
        return ids[agent];
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

package org.mercato.sim.domain;

import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * A customer's hidden needs: the items wanted with quantities, what each item is worth to the
 * customer (reference price in cents, per unit), the amenities a seller must have, a budget, what
 * an hour of waiting costs the customer (cents), and persona text for language-model shoppers.
 */
public record Customer(
        String id,
        String name,
        String request,
        SortedMap<String, Integer> items,
        SortedMap<String, Long> referencePrices,
        SortedSet<String> requiredAmenities,
        long budget,
        long timeCostPerHour,
        String persona) {

    /** A customer who does not mind waiting and has no persona text. */
    public Customer(
            String id,
            String name,
            String request,
            SortedMap<String, Integer> items,
            SortedMap<String, Long> referencePrices,
            SortedSet<String> requiredAmenities,
            long budget) {
        this(id, name, request, items, referencePrices, requiredAmenities, budget, 0, "");
    }

    public Customer {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        request = request == null ? "" : request;
        items = Immutable.sortedMap(items);
        referencePrices = Immutable.sortedMap(referencePrices);
        requiredAmenities = Immutable.sortedSet(requiredAmenities);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("customer " + id + " requests no items");
        }
        for (var entry : items.entrySet()) {
            if (entry.getValue() <= 0) {
                throw new IllegalArgumentException("quantity of " + entry.getKey() + " for " + id + " must be > 0");
            }
            if (!referencePrices.containsKey(entry.getKey())) {
                throw new IllegalArgumentException("customer " + id + " has no reference price for " + entry.getKey());
            }
        }
        if (budget < 0) {
            throw new IllegalArgumentException("budget of " + id + " must be >= 0");
        }
        if (timeCostPerHour < 0) {
            throw new IllegalArgumentException("time cost of " + id + " must be >= 0");
        }
        persona = persona == null ? "" : persona;
    }

    public Customer withBudget(long newBudget) {
        return new Customer(
                id, name, request, items, referencePrices, requiredAmenities, newBudget, timeCostPerHour, persona);
    }

    /** Magentic's value of a fulfilled request: twice the reference value of everything requested. */
    public long fulfilledValue() {
        long value = 0;
        for (var entry : items.entrySet()) {
            value += referencePrices.get(entry.getKey()) * entry.getValue();
        }
        return 2 * value;
    }

    /** Whether the given order lines cover every requested item in at least the requested quantity. */
    public boolean isCoveredBy(Iterable<OrderLine> lines) {
        TreeMap<String, Integer> supplied = new TreeMap<>();
        for (OrderLine line : lines) {
            supplied.merge(line.item(), line.quantity(), Integer::sum);
        }
        for (var entry : items.entrySet()) {
            if (supplied.getOrDefault(entry.getKey(), 0) < entry.getValue()) {
                return false;
            }
        }
        return true;
    }
}

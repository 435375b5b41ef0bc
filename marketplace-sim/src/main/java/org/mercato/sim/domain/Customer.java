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
            if (entry.getValue() > Money.MAX_QUANTITY) {
                throw new IllegalArgumentException(
                        "quantity of " + entry.getKey() + " for " + id + " " + Money.quantityProblem(entry.getValue()));
            }
            if (!referencePrices.containsKey(entry.getKey())) {
                throw new IllegalArgumentException("customer " + id + " has no reference price for " + entry.getKey());
            }
        }
        for (var entry : referencePrices.entrySet()) {
            if (entry.getValue() < 0) {
                throw new IllegalArgumentException("value of " + entry.getKey() + " for " + id + " must be >= 0");
            }
            if (entry.getValue() > Money.MAX_CENTS) {
                throw new IllegalArgumentException("value of " + entry.getKey() + " for " + id + " "
                        + Money.tooLarge(Money.format(entry.getValue())));
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

    /** This customer with another budget, waiting cost per hour and persona text. */
    public Customer withBudget(long budget, long timeCost, String persona) {
        return new Customer(id, name, request, items, referencePrices, requiredAmenities, budget, timeCost, persona);
    }

    /**
     * Magentic's value of a fulfilled request: twice the reference value of everything requested.
     *
     * @throws MoneyOverflowException if it does not fit in a {@code long} of cents
     */
    public long fulfilledValue() {
        long value = 0;
        for (var entry : items.entrySet()) {
            long line = Money.times(entry.getValue(), referencePrices.get(entry.getKey()), FULFILLED_VALUE);
            value = Money.add(value, line, FULFILLED_VALUE);
        }
        return Money.times(2, value, FULFILLED_VALUE);
    }

    private static final String FULFILLED_VALUE = "a customer's fulfilled value";

    /** Whether the given order lines cover every requested item in at least the requested quantity. */
    public boolean isCoveredBy(Iterable<OrderLine> lines) {
        TreeMap<String, Long> supplied = new TreeMap<>();
        for (OrderLine line : lines) {
            // long: many lines of the same item must not wrap around to a small quantity
            supplied.merge(line.item(), (long) line.quantity(), Long::sum);
        }
        for (var entry : items.entrySet()) {
            if (supplied.getOrDefault(entry.getKey(), 0L) < entry.getValue()) {
                return false;
            }
        }
        return true;
    }
}

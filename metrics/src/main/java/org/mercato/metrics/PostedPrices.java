package org.mercato.metrics;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Money;
import org.mercato.sim.domain.Service;

/**
 * The services' posted prices indexed for a customer's best purchase: one bit set of sellers per
 * item and per amenity, and each item's price by seller. A customer's need is feasible at a seller
 * that sells every requested item and has every required amenity.
 */
final class PostedPrices {
    static final String OPTIMUM = "the optimal welfare";

    private final List<Service> sellers;
    private final Map<String, BitSet> byItem = new HashMap<>();
    private final Map<String, BitSet> byAmenity = new HashMap<>();
    private final Map<String, long[]> prices = new HashMap<>();
    /** Each item's sellers, cheapest first (ties by index); built on first use. */
    private final Map<String, int[]> cheapestFirst = new HashMap<>();

    private final boolean capacities;

    PostedPrices(List<Service> sellers) {
        this.sellers = List.copyOf(sellers);
        boolean anyCapacity = false;
        for (int i = 0; i < sellers.size(); i++) {
            anyCapacity |= sellers.get(i).capacity() > 0;
            for (var offer : sellers.get(i).menu().entrySet()) {
                byItem.computeIfAbsent(offer.getKey(), k -> new BitSet()).set(i);
                prices.computeIfAbsent(offer.getKey(), k -> new long[sellers.size()])[i] = offer.getValue();
            }
            for (String amenity : sellers.get(i).amenities()) {
                byAmenity.computeIfAbsent(amenity, k -> new BitSet()).set(i);
            }
        }
        this.capacities = anyCapacity;
    }

    List<Service> sellers() {
        return sellers;
    }

    /** Whether some seller has a capacity. */
    boolean capacities() {
        return capacities;
    }

    /** The sellers (by index) that sell every item and have every amenity; empty for an empty need. */
    BitSet feasible(SortedMap<String, Integer> items, SortedSet<String> amenities) {
        BitSet feasible = null;
        for (String item : items.keySet()) {
            feasible = intersect(feasible, byItem.get(item));
        }
        for (String amenity : amenities) {
            feasible = intersect(feasible, byAmenity.get(amenity));
        }
        return feasible == null ? new BitSet() : feasible;
    }

    /** The order's price columns, resolved once for pricing it at many sellers. */
    Order order(SortedMap<String, Integer> items) {
        long[] quantities = new long[items.size()];
        long[][] columns = new long[items.size()][];
        int line = 0;
        for (var wanted : items.entrySet()) {
            quantities[line] = wanted.getValue();
            columns[line] = prices.get(wanted.getKey());
            line++;
        }
        return new Order(quantities, columns);
    }

    /** An order's quantities and, per line, its item's price at every seller. */
    record Order(long[] quantities, long[][] columns) {
        /** What the order costs at seller {@code seller}'s posted prices (it must sell every item). */
        long totalAt(int seller) {
            long orderTotal = 0;
            for (int line = 0; line < quantities.length; line++) {
                orderTotal =
                        Money.add(orderTotal, Money.times(quantities[line], columns[line][seller], OPTIMUM), OPTIMUM);
            }
            return orderTotal;
        }
    }

    /** What a customer needs from one seller: items with quantities, and amenities. */
    record Need(SortedMap<String, Integer> items, SortedSet<String> amenities) {
        static Need of(Customer customer) {
            return new Need(customer.items(), customer.requiredAmenities());
        }
    }

    /**
     * The lowest total at which one seller sells every item and has the amenities; MAX_VALUE if none
     * does. The first item's sellers are visited cheapest first, and the visit stops once that
     * item's price there plus the other items at their lowest price anywhere reaches the best total
     * found: no seller further on can be cheaper. The result is the minimum over every feasible
     * seller, as a full scan finds it.
     */
    long cheapest(Need need) {
        SortedMap<String, Integer> items = need.items();
        BitSet feasible = feasible(items, need.amenities());
        Order order = order(items);
        if (feasible.isEmpty()) {
            return Long.MAX_VALUE;
        }
        int[] lead = cheapestFirst(items.firstKey());
        long others = othersAtTheirLowest(order, items);
        if (lead == null || others == Long.MAX_VALUE) {
            return scan(feasible, order);
        }
        long best = Long.MAX_VALUE;
        long[] leadPrices = order.columns()[0];
        for (int seller : lead) {
            long bound = saturatingAdd(saturatingTimes(order.quantities()[0], leadPrices[seller]), others);
            if (best != Long.MAX_VALUE && bound >= best) {
                break;
            }
            if (feasible.get(seller)) {
                best = Math.min(best, order.totalAt(seller));
            }
        }
        return best;
    }

    private static long scan(BitSet feasible, Order order) {
        long best = Long.MAX_VALUE;
        for (int i = feasible.nextSetBit(0); i >= 0; i = feasible.nextSetBit(i + 1)) {
            best = Math.min(best, order.totalAt(i));
        }
        return best;
    }

    /** The order's lines but the first, each at its item's lowest price at any seller; MAX_VALUE if unknown or huge. */
    private long othersAtTheirLowest(Order order, SortedMap<String, Integer> items) {
        long sum = 0;
        int line = 0;
        for (String item : items.keySet()) {
            if (line > 0) {
                int[] sellers = cheapestFirst(item);
                if (sellers == null || sellers.length == 0) {
                    return Long.MAX_VALUE;
                }
                sum = saturatingAdd(sum, saturatingTimes(order.quantities()[line], order.columns()[line][sellers[0]]));
            }
            line++;
        }
        return sum;
    }

    /**
     * The item's sellers, cheapest first; null when its prices cannot be ordered that way (a
     * negative price, one of 2^42 cents or more, or more than 2^21 sellers: then every seller is
     * scanned).
     */
    private int[] cheapestFirst(String item) {
        if (cheapestFirst.containsKey(item)) {
            return cheapestFirst.get(item);
        }
        BitSet sellers = byItem.get(item);
        long[] column = prices.get(item);
        int[] ordered = null;
        if (sellers != null && this.sellers.size() < (1 << 21)) {
            long[] keys = new long[sellers.cardinality()];
            int k = 0;
            boolean orderable = true;
            for (int i = sellers.nextSetBit(0); i >= 0; i = sellers.nextSetBit(i + 1)) {
                if (column[i] < 0 || column[i] >= (1L << 42)) {
                    orderable = false;
                    break;
                }
                keys[k++] = (column[i] << 21) | i;
            }
            if (orderable) {
                java.util.Arrays.sort(keys);
                ordered = new int[keys.length];
                for (int i = 0; i < keys.length; i++) {
                    ordered[i] = (int) (keys[i] & ((1 << 21) - 1));
                }
            }
        }
        cheapestFirst.put(item, ordered);
        return ordered;
    }

    private static long saturatingTimes(long quantity, long cents) {
        long high = Math.multiplyHigh(quantity, cents);
        long low = quantity * cents;
        return (high == 0 && low >= 0) || (high == -1 && low < 0) ? low : Long.MAX_VALUE;
    }

    private static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    private static BitSet intersect(BitSet sofar, BitSet next) {
        if (next == null) {
            return new BitSet();
        }
        if (sofar == null) {
            return (BitSet) next.clone();
        }
        sofar.and(next);
        return sofar;
    }
}

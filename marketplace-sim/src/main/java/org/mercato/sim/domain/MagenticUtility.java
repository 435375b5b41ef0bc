package org.mercato.sim.domain;

import java.util.List;
import java.util.Set;

/**
 * Magentic Marketplace's customer utility: a paid proposal that covers every requested item from a
 * business with all required amenities earns {@link Customer#fulfilledValue()} once; everything the
 * customer paid is subtracted.
 */
public final class MagenticUtility {
    private MagenticUtility() {}

    public static boolean fulfils(Customer customer, Set<String> sellerAmenities, List<OrderLine> lines) {
        return sellerAmenities.containsAll(customer.requiredAmenities()) && customer.isCoveredBy(lines);
    }

    /** Utility of paying {@code total} for {@code lines} from a seller with these amenities, as one purchase. */
    public static long of(Customer customer, Set<String> sellerAmenities, List<OrderLine> lines, long total) {
        return (fulfils(customer, sellerAmenities, lines) ? customer.fulfilledValue() : 0) - total;
    }
}

package org.mercato.sim.protocol;

import java.util.SortedMap;
import java.util.SortedSet;
import org.mercato.sim.domain.Immutable;

/**
 * One result on a search page as the assistant sees it. {@code rank} counts from 1 across pages;
 * {@code prices} is empty when the mechanism does not reveal prices.
 */
public record ListingView(
        int rank,
        String service,
        String name,
        String description,
        double rating,
        int reviewCount,
        SortedSet<String> amenities,
        SortedMap<String, Long> prices) {
    public ListingView {
        amenities = Immutable.sortedSet(amenities);
        prices = Immutable.sortedMap(prices);
    }
}

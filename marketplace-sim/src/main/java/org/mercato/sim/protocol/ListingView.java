package org.mercato.sim.protocol;

import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import org.mercato.sim.domain.Immutable;

/**
 * One result on a search page as the assistant sees it. {@code rank} is the listing's place in
 * reading order, counting from 1 across pages (with position shuffling off it is the search
 * mechanism's rank); {@code row} and {@code column} are its cell on the page, from 1 (a list has
 * one column). {@code rating}, {@code reviewCount} and {@code prices} are the values shown, which a
 * randomized page may have changed; the true ones are not part of the view. {@code prices} is empty
 * when the page does not reveal prices. {@code tags} are page badges such as {@code sponsored},
 * {@code overall-pick} or {@code scarcity:3}: display claims only (a proposal is still made at the
 * service's posted prices, and a scarcity badge does not change its capacity).
 */
public record ListingView(
        int rank,
        String service,
        String name,
        String description,
        double rating,
        int reviewCount,
        SortedSet<String> amenities,
        SortedMap<String, Long> prices,
        int row,
        int column,
        SortedSet<String> tags) {
    public ListingView {
        Objects.requireNonNull(service, "service");
        amenities = Immutable.sortedSet(amenities);
        prices = Immutable.sortedMap(prices);
        tags = Immutable.sortedSet(tags);
    }
}

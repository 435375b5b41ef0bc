package org.mercato.sim.protocol;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** Structured filters on a search: required amenities and a minimum rating. */
public record SearchFilters(SortedSet<String> amenities, double minRating) {
    public static final SearchFilters NONE = new SearchFilters(new TreeSet<>(), 0);

    public SearchFilters {
        amenities = Collections.unmodifiableSortedSet(new TreeSet<>(amenities));
    }

    public static SearchFilters amenities(Set<String> amenities) {
        return new SearchFilters(new TreeSet<>(amenities), 0);
    }
}

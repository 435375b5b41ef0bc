package org.mercato.sim.protocol;

import java.util.Set;
import java.util.SortedSet;
import org.mercato.sim.domain.Immutable;

/** Structured filters on a search: required amenities and a minimum rating. */
public record SearchFilters(SortedSet<String> amenities, double minRating) {
    public static final SearchFilters NONE = new SearchFilters(Immutable.sortedSet(Set.of()), 0);

    public SearchFilters {
        amenities = Immutable.sortedSet(amenities);
    }

    public static SearchFilters amenities(Set<String> amenities) {
        return new SearchFilters(Immutable.sortedSet(amenities), 0);
    }
}

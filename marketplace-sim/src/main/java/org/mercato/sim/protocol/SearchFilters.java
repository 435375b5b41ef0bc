package org.mercato.sim.protocol;

import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Predicate;
import org.mercato.sim.domain.Immutable;
import org.mercato.sim.domain.Service;

/**
 * Structured filters on a search: required amenities, a minimum rating and a price cap. {@code
 * maxPrice} is in cents, {@link #NO_PRICE_CAP} (0) for none; a service passes it when one of the
 * menu items the search is about costs at most that much per unit. Which items a search is about
 * depends on the mechanism: the lexical ones take the items whose names match the query; a service
 * none of whose items match, and mechanisms that ignore the query, are judged by the whole menu
 * (its cheapest item).
 */
public record SearchFilters(SortedSet<String> amenities, double minRating, long maxPrice) {
    public static final long NO_PRICE_CAP = 0;
    public static final SearchFilters NONE = new SearchFilters(Immutable.sortedSet(Set.of()), 0);

    public SearchFilters {
        amenities = Immutable.sortedSet(amenities);
        if (maxPrice < 0) {
            throw new IllegalArgumentException("maxPrice must be >= 0 (0: no cap), was " + maxPrice);
        }
    }

    /** Amenities and a minimum rating, no price cap. */
    public SearchFilters(SortedSet<String> amenities, double minRating) {
        this(amenities, minRating, NO_PRICE_CAP);
    }

    public static SearchFilters amenities(Set<String> amenities) {
        return new SearchFilters(Immutable.sortedSet(amenities), 0);
    }

    public boolean hasPriceCap() {
        return maxPrice != NO_PRICE_CAP;
    }

    /** No amenity, rating or price constraint. */
    public boolean isEmpty() {
        return amenities.isEmpty() && minRating <= 0 && !hasPriceCap();
    }

    /** Whether the service passes, judging the price cap by its whole menu. */
    public boolean admits(Service service) {
        return admits(service, item -> false);
    }

    /**
     * Whether the service has every amenity, at least the minimum rating and, under a price cap, an
     * item the search is {@code about} at or below the cap; when {@code about} accepts none of the
     * service's items, any item at or below the cap will do.
     */
    public boolean admits(Service service, Predicate<String> about) {
        if (service.rating() < minRating || !service.hasAmenities(amenities)) {
            return false;
        }
        if (!hasPriceCap()) {
            return true;
        }
        boolean anyAbout = false;
        boolean aboutWithinCap = false;
        boolean anyWithinCap = false;
        for (Map.Entry<String, Long> item : service.menu().entrySet()) {
            boolean withinCap = item.getValue() <= maxPrice;
            anyWithinCap |= withinCap;
            if (about.test(item.getKey())) {
                anyAbout = true;
                aboutWithinCap |= withinCap;
            }
        }
        return anyAbout ? aboutWithinCap : anyWithinCap;
    }
}

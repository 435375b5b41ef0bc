package org.mercato.sim.domain;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * A business in the catalog: what it sells at which posted price (cents), its amenities and
 * reputation. Maps and sets are sorted copies so that iteration order never depends on hashing.
 */
public record Service(
        String id,
        String name,
        String description,
        SortedMap<String, Long> menu,
        SortedSet<String> amenities,
        double rating,
        int reviewCount) {

    public Service {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        description = description == null ? "" : description;
        menu = Immutable.sortedMap(menu);
        amenities = Immutable.sortedSet(amenities);
        if (rating < 0 || rating > 5) {
            throw new IllegalArgumentException("rating of " + id + " must be within [0, 5], was " + rating);
        }
        if (reviewCount < 0) {
            throw new IllegalArgumentException("reviewCount of " + id + " must be >= 0");
        }
        menu.forEach((item, price) -> {
            if (price < 0) {
                throw new IllegalArgumentException("price of " + item + " at " + id + " must be >= 0");
            }
        });
    }

    public static Service of(String id, Map<String, Long> menu, Set<String> amenities, double rating, int reviewCount) {
        return new Service(id, id, "", Immutable.sortedMap(menu), Immutable.sortedSet(amenities), rating, reviewCount);
    }

    public boolean carries(String item) {
        return menu.containsKey(item);
    }

    public boolean hasAmenities(Set<String> required) {
        return amenities.containsAll(required);
    }
}

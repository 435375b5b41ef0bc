package org.mercato.sim.domain;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * A business in the catalog: what it sells at which posted price (cents) and at which unit cost
 * (for producer surplus; missing items cost nothing), its amenities and reputation, how many
 * orders it can take ({@code capacity}, 0 for no limit) and how fast it answers ({@code
 * responseTime}, null to use its agent group's think time) and which manipulation tactic its
 * seller uses ({@code tactic}, a label such as {@code authority}; null for none, the control
 * condition). Maps and sets are sorted copies so iteration order never depends on hashing.
 */
public record Service(
        String id,
        String name,
        String description,
        SortedMap<String, Long> menu,
        SortedSet<String> amenities,
        double rating,
        int reviewCount,
        SortedMap<String, Long> unitCosts,
        int capacity,
        ResponseTime responseTime,
        String tactic) {

    public Service {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        description = description == null ? "" : description;
        menu = Immutable.sortedMap(menu);
        amenities = Immutable.sortedSet(amenities);
        unitCosts = Immutable.sortedMap(unitCosts);
        if (rating < 0 || rating > 5) {
            throw new IllegalArgumentException("rating of " + id + " must be within [0, 5], was " + rating);
        }
        if (reviewCount < 0) {
            throw new IllegalArgumentException("reviewCount of " + id + " must be >= 0");
        }
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity of " + id + " must be >= 0 (0: no limit)");
        }
        checkAmounts(menu, "price", id);
        checkAmounts(unitCosts, "unit cost", id);
    }

    /** Every amount is a valid money value in cents: not negative, not over {@link Money#MAX_CENTS}. */
    private static void checkAmounts(SortedMap<String, Long> amounts, String what, String id) {
        amounts.forEach((item, cents) -> {
            if (cents < 0) {
                throw new IllegalArgumentException(what + " of " + item + " at " + id + " must be >= 0");
            }
            if (cents > Money.MAX_CENTS) {
                throw new IllegalArgumentException(
                        what + " of " + item + " at " + id + " " + Money.tooLarge(Money.format(cents)));
            }
        });
    }

    /** A service whose seller uses no manipulation tactic. */
    public Service(
            String id,
            String name,
            String description,
            SortedMap<String, Long> menu,
            SortedSet<String> amenities,
            double rating,
            int reviewCount,
            SortedMap<String, Long> unitCosts,
            int capacity,
            ResponseTime responseTime) {
        this(id, name, description, menu, amenities, rating, reviewCount, unitCosts, capacity, responseTime, null);
    }

    /** A service without costs, capacity limit or response-time profile. */
    public Service(
            String id,
            String name,
            String description,
            SortedMap<String, Long> menu,
            SortedSet<String> amenities,
            double rating,
            int reviewCount) {
        this(id, name, description, menu, amenities, rating, reviewCount, null, 0, null, null);
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

    public long unitCost(String item) {
        return unitCosts.getOrDefault(item, 0L);
    }

    public Service withDescription(String newDescription) {
        return with(newDescription, capacity, tactic);
    }

    public Service withCapacity(int newCapacity) {
        return with(description, newCapacity, tactic);
    }

    /** This service with its seller's manipulation tactic ({@code null} for none). */
    public Service withTactic(String newTactic) {
        return with(description, capacity, newTactic);
    }

    private Service with(String newDescription, int newCapacity, String newTactic) {
        return new Service(
                id,
                name,
                newDescription,
                menu,
                amenities,
                rating,
                reviewCount,
                unitCosts,
                newCapacity,
                responseTime,
                newTactic);
    }
}

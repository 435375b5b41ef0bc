package org.mercato.storefront;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.SearchResults;

/** Results pages for the storefront tests. */
final class Pages {
    private Pages() {}

    static ListingView listing(
            int rank,
            String service,
            String name,
            double rating,
            int reviews,
            long cents,
            int row,
            int column,
            Set<String> tags) {
        TreeMap<String, Long> prices = new TreeMap<>();
        if (cents >= 0) {
            prices.put("room", cents);
        }
        return new ListingView(
                rank,
                service,
                name,
                name + " description",
                rating,
                reviews,
                new TreeSet<>(Set.of("wifi")),
                prices,
                row,
                column,
                new TreeSet<>(tags));
    }

    /** A 2-row by 4-column grid of hotels with every kind of badge. */
    static SearchResults grid2x4() {
        String[] names = {
            "Harbor View Inn",
            "Blue Door Hostel",
            "Grand Plaza Hotel",
            "Maple Lodge",
            "Sunset Suites",
            "The Quiet Room",
            "Riverside B&B",
            "Old Town Rooms"
        };
        List<Set<String>> tags = List.of(
                Set.of("sponsored"),
                Set.of(),
                Set.of("overall-pick"),
                Set.of("scarcity:3"),
                Set.of(),
                Set.of("sponsored", "scarcity:1"),
                Set.of("eco-certified"),
                Set.of());
        List<ListingView> listings = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            listings.add(listing(
                    i + 1,
                    "svc-" + (i + 1),
                    names[i],
                    2.5 + (i * 0.37) % 2.5,
                    10 + 37 * i,
                    i == 4 ? -1 : 8900 + 1150L * i,
                    i / 4 + 1,
                    i % 4 + 1,
                    tags.get(i)));
        }
        return new SearchResults("hotel in lisbon", 0, 3, listings);
    }
}

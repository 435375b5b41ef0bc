package org.mercato.sim.protocol;

import java.util.List;

/** One page of search results. */
public record SearchResults(String query, int page, int totalPages, List<ListingView> listings) implements Observation {
    public SearchResults {
        listings = List.copyOf(listings);
    }
}

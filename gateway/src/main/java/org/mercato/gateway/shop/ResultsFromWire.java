package org.mercato.gateway.shop;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.SearchResults;

/**
 * A {@code search-results} observation read back from its wire form, for the storefront page: the
 * wire carries every field of a {@link ListingView}, so the page shows what the agent was sent.
 */
final class ResultsFromWire {
    private ResultsFromWire() {}

    static SearchResults read(JsonNode observation) {
        List<ListingView> listings = new ArrayList<>();
        for (JsonNode listing : observation.path("listings")) {
            listings.add(new ListingView(
                    listing.path("rank").asInt(),
                    listing.path("service").asText(),
                    listing.path("name").asText(),
                    listing.path("description").asText(),
                    listing.path("rating").asDouble(),
                    listing.path("reviewCount").asInt(),
                    strings(listing.path("amenities")),
                    longs(listing.path("prices")),
                    listing.path("row").asInt(),
                    listing.path("column").asInt(),
                    strings(listing.path("tags"))));
        }
        return new SearchResults(
                observation.path("query").asText(),
                observation.path("page").asInt(),
                observation.path("totalPages").asInt(),
                listings);
    }

    private static SortedSet<String> strings(JsonNode array) {
        SortedSet<String> out = new TreeSet<>();
        array.forEach(value -> out.add(value.asText()));
        return out;
    }

    private static SortedMap<String, Long> longs(JsonNode object) {
        SortedMap<String, Long> out = new TreeMap<>();
        object.fields()
                .forEachRemaining(
                        entry -> out.put(entry.getKey(), entry.getValue().asLong()));
        return out;
    }
}

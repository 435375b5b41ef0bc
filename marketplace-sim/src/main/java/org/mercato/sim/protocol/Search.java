package org.mercato.sim.protocol;

import java.util.Objects;

/** Ask the market's search mechanism for one results page (pages count from 0). */
public record Search(String query, SearchFilters filters, int page) implements AssistantAction {
    public Search {
        query = Objects.requireNonNullElse(query, "");
        filters = Objects.requireNonNullElse(filters, SearchFilters.NONE);
        if (page < 0) {
            throw new IllegalArgumentException("page must be >= 0");
        }
    }

    public Search(String query) {
        this(query, SearchFilters.NONE, 0);
    }

    @Override
    public String kind() {
        return "search";
    }
}

package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/** The search mechanism ({@code simple}), results per page, pages reachable, and whether prices show. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"mechanism", "pageSize", "pageLimit", "revealPrices"})
public record SearchConfig(String mechanism, Integer pageSize, Integer pageLimit, Boolean revealPrices) {
    public static final SearchConfig DEFAULT = new SearchConfig(null, null, null, null);

    public SearchConfig {
        mechanism = Objects.requireNonNullElse(mechanism, "simple");
        if (!mechanism.equals("simple")) {
            throw new IllegalArgumentException("unknown search mechanism '" + mechanism + "'; known: [simple]");
        }
        pageSize = Objects.requireNonNullElse(pageSize, 10);
        pageLimit = Objects.requireNonNullElse(pageLimit, 10);
        revealPrices = Objects.requireNonNullElse(revealPrices, true);
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be >= 1, was " + pageSize);
        }
        if (pageLimit < 1) {
            throw new IllegalArgumentException("pageLimit must be >= 1, was " + pageLimit);
        }
    }
}

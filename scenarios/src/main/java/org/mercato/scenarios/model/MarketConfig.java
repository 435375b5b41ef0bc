package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * The market: either {@code generate} (a seeded generator) or explicit {@code services} and
 * {@code customers} lists, plus the search settings, how results pages are presented and when
 * proposals are revealed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"generate", "services", "customers", "search", "presentation", "reveal"})
public record MarketConfig(
        GeneratorConfig generate,
        List<ServiceConfig> services,
        List<CustomerConfig> customers,
        SearchConfig search,
        PresentationConfig presentation,
        RevealConfig reveal) {
    /** A market with today's pages and proposals revealed when made. */
    public MarketConfig(
            GeneratorConfig generate,
            List<ServiceConfig> services,
            List<CustomerConfig> customers,
            SearchConfig search) {
        this(generate, services, customers, search, null, null);
    }

    public MarketConfig {
        boolean explicit = services != null || customers != null;
        if (generate != null && explicit) {
            throw new IllegalArgumentException("give either generate or services and customers, not both");
        }
        if (generate == null && (services == null || customers == null)) {
            throw new IllegalArgumentException("give either generate or both services and customers");
        }
        services = services == null ? null : List.copyOf(services);
        customers = customers == null ? null : List.copyOf(customers);
        search = Objects.requireNonNullElse(search, SearchConfig.DEFAULT);
        presentation = Objects.requireNonNullElse(presentation, PresentationConfig.DEFAULT);
        reveal = Objects.requireNonNullElse(reveal, RevealConfig.DEFAULT);
        if (presentation.cells() > 0 && presentation.cells() != search.pageSize()) {
            throw new IllegalArgumentException("presentation grid of " + presentation.rows() + " x "
                    + presentation.columns() + " holds " + presentation.cells() + " listings but search.pageSize is "
                    + search.pageSize() + "; set market.search.pageSize to " + presentation.cells());
        }
    }
}

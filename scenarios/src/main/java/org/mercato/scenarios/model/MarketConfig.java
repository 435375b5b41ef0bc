package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * The market: either {@code generate} (a seeded generator) or explicit {@code services} and
 * {@code customers} lists, plus the search settings.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"generate", "services", "customers", "search"})
public record MarketConfig(
        GeneratorConfig generate, List<ServiceConfig> services, List<CustomerConfig> customers, SearchConfig search) {
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
    }
}

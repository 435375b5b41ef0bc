package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * A seeded market generator: the domain ({@code restaurants}, {@code contractors} or {@code retail}), how
 * many customers and services,
 * and how many items each customer asks for (at most).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"domain", "customers", "services", "itemsPerCustomer"})
public record GeneratorConfig(String domain, Integer customers, Integer services, Integer itemsPerCustomer) {
    public GeneratorConfig {
        domain = Objects.requireNonNullElse(domain, "restaurants");
        if (customers == null || customers < 0) {
            throw new IllegalArgumentException("customers must be a count >= 0, was " + customers);
        }
        if (services == null || services < 1) {
            throw new IllegalArgumentException("services must be a count >= 1, was " + services);
        }
        itemsPerCustomer = Objects.requireNonNullElse(itemsPerCustomer, 2);
        if (itemsPerCustomer < 1) {
            throw new IllegalArgumentException("itemsPerCustomer must be >= 1");
        }
    }
}

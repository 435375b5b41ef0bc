package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import org.mercato.scenarios.generate.Generators;

/**
 * A seeded market generator: the domain ({@code restaurants}, {@code contractors} or {@code retail}), how
 * many customers and services,
 * and how many items each customer asks for (at most). {@code requests}: whether customers name what
 * they want ({@code literal}, the default) or describe it without its name ({@code paraphrase}, retail
 * only); it stays out of the resolved scenario unless given.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"domain", "customers", "services", "itemsPerCustomer", "requests"})
public record GeneratorConfig(
        String domain, Integer customers, Integer services, Integer itemsPerCustomer, String requests) {
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
        String problem = requests == null ? null : Generators.requestsProblem(domain, requests);
        if (problem != null) {
            throw new IllegalArgumentException("requests " + problem);
        }
    }

    public GeneratorConfig(String domain, Integer customers, Integer services, Integer itemsPerCustomer) {
        this(domain, customers, services, itemsPerCustomer, null);
    }

    public String requestsOrDefault() {
        return requests != null ? requests : Generators.LITERAL;
    }
}

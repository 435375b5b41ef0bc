package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One explicit service: menu prices and unit costs in currency units, amenities, rating, how many
 * orders it can take (0: no limit), and its response speed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "id",
    "name",
    "description",
    "menu",
    "unitCosts",
    "amenities",
    "rating",
    "reviews",
    "capacity",
    "latency"
})
public record ServiceConfig(
        String id,
        String name,
        String description,

        @JsonDeserialize(contentUsing = MoneyInput.Amount.class)
        Map<String, BigDecimal> menu,

        @JsonDeserialize(contentUsing = MoneyInput.Amount.class)
        Map<String, BigDecimal> unitCosts,

        List<String> amenities,
        Double rating,
        Integer reviews,
        Integer capacity,
        ThinkTimeConfig latency) {
    public ServiceConfig {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a service needs an id");
        }
        if (menu == null || menu.isEmpty()) {
            throw new IllegalArgumentException("service " + id + " needs a menu");
        }
        MoneyInput.requireValues(menu, "menu");
        MoneyInput.requireValues(unitCosts, "unitCosts");
        amenities = amenities == null ? List.of() : List.copyOf(amenities);
        rating = Objects.requireNonNullElse(rating, 3.0);
        reviews = Objects.requireNonNullElse(reviews, 0);
        unitCosts = unitCosts == null ? Map.of() : unitCosts;
        capacity = Objects.requireNonNullElse(capacity, 0);
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0 (0: no limit), was " + capacity);
        }
    }
}

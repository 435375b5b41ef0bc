package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One explicit service: menu prices in currency units, amenities, rating, and its response speed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "name", "description", "menu", "amenities", "rating", "reviews", "latency"})
public record ServiceConfig(
        String id,
        String name,
        String description,
        Map<String, BigDecimal> menu,
        List<String> amenities,
        Double rating,
        Integer reviews,
        ThinkTimeConfig latency) {
    public ServiceConfig {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a service needs an id");
        }
        if (menu == null || menu.isEmpty()) {
            throw new IllegalArgumentException("service " + id + " needs a menu");
        }
        amenities = amenities == null ? List.of() : List.copyOf(amenities);
        rating = Objects.requireNonNullElse(rating, 3.0);
        reviews = Objects.requireNonNullElse(reviews, 0);
    }
}

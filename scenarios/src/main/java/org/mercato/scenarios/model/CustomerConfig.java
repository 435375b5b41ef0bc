package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One explicit customer: the items wanted (item to quantity), what each is worth per unit
 * ({@code values}), required amenities, a budget (default: the fulfilled value), what an hour of
 * waiting costs, and persona text.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "name", "request", "items", "values", "amenities", "budget", "timeCostPerHour", "persona"})
public record CustomerConfig(
        String id,
        String name,
        String request,

        @JsonDeserialize(contentUsing = MoneyInput.Quantity.class)
        Map<String, Integer> items,

        @JsonDeserialize(contentUsing = MoneyInput.Amount.class)
        Map<String, BigDecimal> values,

        List<String> amenities,
        @JsonDeserialize(using = MoneyInput.Amount.class) BigDecimal budget,
        @JsonDeserialize(using = MoneyInput.Amount.class) BigDecimal timeCostPerHour,
        String persona) {
    public CustomerConfig {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a customer needs an id");
        }
        if (items == null || items.isEmpty()) {
            throw new IllegalArgumentException("customer " + id + " needs items");
        }
        if (values == null) {
            throw new IllegalArgumentException("customer " + id + " needs values for its items");
        }
        MoneyInput.requireValues(items, "items");
        MoneyInput.requireValues(values, "values");
        amenities = amenities == null ? List.of() : List.copyOf(amenities);
    }
}

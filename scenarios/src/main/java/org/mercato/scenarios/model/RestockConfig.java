package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * Stock that refills: every {@code every} (the period unless given) each service with a capacity
 * gets {@code amount} units back (0, the default: refilled to its capacity). {@code capacity}, if
 * given, is the stock of every service the catalog lists without a limit (generated services have
 * none).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"every", "amount", "capacity"})
public record RestockConfig(Duration every, Integer amount, Integer capacity) {
    public RestockConfig {
        if (every != null && every.micros() <= 0) {
            throw new IllegalArgumentException("every must be > 0");
        }
        amount = Objects.requireNonNullElse(amount, 0);
        if (amount < 0) {
            throw new IllegalArgumentException("amount must be >= 0 (0: refill to capacity), was " + amount);
        }
        if (capacity != null && capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
    }
}

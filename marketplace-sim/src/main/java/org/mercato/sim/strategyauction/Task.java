package org.mercato.sim.strategyauction;

import java.util.Objects;

/** A task a customer posts for auction: its difficulty in [0, 1] and its text. */
public record Task(String id, String customer, double difficulty, String text) {
    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(text, "text");
        if (!(difficulty >= 0 && difficulty <= 1)) {
            throw new IllegalArgumentException("difficulty must be within [0, 1], was " + difficulty);
        }
    }
}

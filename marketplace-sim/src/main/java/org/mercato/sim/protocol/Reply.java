package org.mercato.sim.protocol;

import java.util.Objects;

/** A text answer to a customer who has written to this service. */
public record Reply(String customer, String text) implements ServiceAction {
    public Reply {
        Objects.requireNonNull(customer, "customer");
        text = Objects.requireNonNullElse(text, "");
    }

    @Override
    public String kind() {
        return "reply";
    }
}

package org.mercato.sim.protocol;

import java.util.Objects;

/** The assistant stops shopping; nothing more is delivered to it. */
public record Done(String reason) implements AssistantAction {
    public Done {
        reason = Objects.requireNonNullElse(reason, "");
    }

    @Override
    public String kind() {
        return "done";
    }
}

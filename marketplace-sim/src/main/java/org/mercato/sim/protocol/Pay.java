package org.mercato.sim.protocol;

import java.util.Objects;

/** Pay a proposal: exactly its total, in cents. */
public record Pay(String proposalId, long amount) implements AssistantAction {
    public Pay {
        Objects.requireNonNull(proposalId, "proposalId");
    }

    @Override
    public String kind() {
        return "pay";
    }
}

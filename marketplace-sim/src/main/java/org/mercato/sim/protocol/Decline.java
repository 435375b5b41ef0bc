package org.mercato.sim.protocol;

import java.util.Objects;

/** Turn a proposal down; the service is told. */
public record Decline(String proposalId) implements AssistantAction {
    public Decline {
        Objects.requireNonNull(proposalId, "proposalId");
    }

    @Override
    public String kind() {
        return "decline";
    }
}

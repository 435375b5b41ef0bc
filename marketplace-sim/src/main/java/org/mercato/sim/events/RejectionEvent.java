package org.mercato.sim.events;

import org.mercato.sim.protocol.RejectionReason;

/** The market refused an action; {@code ref} is its target (a proposal id or an agent id). */
public record RejectionEvent(String agent, String action, String ref, RejectionReason reason) implements Event {
    @Override
    public String type() {
        return "rejected";
    }

    @Override
    public void writeFields(JsonLine out) {
        out.field("agent", agent).field("action", action).field("ref", ref).field("reason", reason.label());
    }
}

package org.mercato.sim.events;

/** A customer turned a proposal down. */
public record DeclineEvent(String proposal, String customer, String service) implements Event {
    @Override
    public String type() {
        return "decline";
    }

    @Override
    public void writeFields(JsonLine out) {
        out.field("proposal", proposal).field("customer", customer).field("service", service);
    }
}

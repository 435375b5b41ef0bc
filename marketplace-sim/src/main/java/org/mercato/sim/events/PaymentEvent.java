package org.mercato.sim.events;

/** Money moved from a customer to a service for a proposal. */
public record PaymentEvent(String proposal, String customer, String service, long amount) implements Event {
    @Override
    public String type() {
        return "payment";
    }

    @Override
    public void writeFields(JsonLine out) {
        out.field("proposal", proposal)
                .field("customer", customer)
                .field("service", service)
                .money("amount", amount);
    }
}

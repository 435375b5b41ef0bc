package org.mercato.sim.events;

/**
 * A held proposal was shown to its customer (written only under a {@code batched} or
 * {@code min-wait} reveal policy). The reveal events of one release follow each other in the order
 * the customer received the proposals.
 */
public record RevealEvent(String proposal, String customer, String service) implements Event {
    @Override
    public String type() {
        return "reveal";
    }

    @Override
    public void writeFields(JsonLine out) {
        out.field("proposal", proposal).field("customer", customer).field("service", service);
    }
}

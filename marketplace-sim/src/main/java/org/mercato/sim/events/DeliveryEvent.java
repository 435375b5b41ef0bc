package org.mercato.sim.events;

/** A paid order was delivered, at the service's true quality in [0, 1] at that time. */
public record DeliveryEvent(String proposal, String customer, String service, double quality) implements Event {
    @Override
    public String type() {
        return "delivery";
    }

    @Override
    public void writeFields(JsonLine out) {
        out.field("proposal", proposal)
                .field("customer", customer)
                .field("service", service)
                .field("quality", quality);
    }
}

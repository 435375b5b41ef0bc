package org.mercato.sim.events;

/** The text a customer wrote for its review of a delivered proposal (the {@code review} event's stars). */
public record ReviewTextEvent(String customer, String service, String proposal, int stars, String text)
        implements Event {
    @Override
    public String type() {
        return "review_text";
    }

    @Override
    public void writeFields(JsonLine out) {
        out.field("customer", customer)
                .field("service", service)
                .field("proposal", proposal)
                .field("stars", stars)
                .field("text", text);
    }
}

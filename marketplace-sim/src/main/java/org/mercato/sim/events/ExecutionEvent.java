package org.mercato.sim.events;

/** The winner of a strategy auction carried out its plan; {@code cost} is price per token × tokens. */
public record ExecutionEvent(String task, String bidder, String bidderClass, boolean success, double cost)
        implements Event {
    @Override
    public String type() {
        return "execution";
    }

    @Override
    public void writeFields(JsonLine out) {
        out.field("task", task)
                .field("bidder", bidder)
                .field("class", bidderClass)
                .field("success", success)
                .field("cost", cost);
    }
}

package org.mercato.sim.events;

import java.util.List;

/**
 * A bid in a strategy auction: round 1 (first bid) or 2 (a refinement, drawing on the past tasks
 * in {@code memory}), the plan's tokens and entropy, the jury's scores and the resulting cost C,
 * value V and score C − V (rounded to six places).
 */
public record BidEvent(
        String task,
        String bidder,
        String bidderClass,
        int round,
        double pricePerToken,
        int tokens,
        double entropy,
        List<Double> jury,
        double cost,
        double value,
        double score,
        List<String> memory)
        implements Event {
    public BidEvent {
        jury = List.copyOf(jury);
        memory = List.copyOf(memory);
    }

    @Override
    public String type() {
        return "bid";
    }

    @Override
    public void writeFields(JsonLine out) {
        out.field("task", task)
                .field("bidder", bidder)
                .field("class", bidderClass)
                .field("round", round)
                .field("price_per_token", pricePerToken)
                .field("tokens", tokens)
                .field("entropy", entropy)
                .numbers("jury", jury)
                .field("cost", cost)
                .field("value", value)
                .field("score", score)
                .strings("memory", memory);
    }
}

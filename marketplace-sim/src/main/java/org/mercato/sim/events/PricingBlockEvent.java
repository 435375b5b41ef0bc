package org.mercato.sim.events;

import java.util.List;

/**
 * A block of periods [from, to) of one learning episode: each firm's mean price and profit over
 * the block, and the exploration rate at {@code to} (0 when the policies do not explore).
 */
public record PricingBlockEvent(
        int episode, long from, long to, List<Double> prices, List<Double> profits, double epsilon) implements Event {
    public PricingBlockEvent {
        prices = List.copyOf(prices);
        profits = List.copyOf(profits);
    }

    @Override
    public String type() {
        return "pricing_block";
    }

    @Override
    public void writeFields(JsonLine out) {
        out.field("episode", episode)
                .field("from", from)
                .field("to", to)
                .numbers("prices", prices)
                .numbers("profits", profits)
                .field("epsilon", epsilon);
    }
}

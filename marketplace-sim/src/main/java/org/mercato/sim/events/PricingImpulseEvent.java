package org.mercato.sim.events;

import java.util.List;

/**
 * An impulse response after an episode converged: every firm's price in the period before the
 * shock, in the shock (the deviator plays its static best response), then in each period of greedy
 * play after it.
 */
public record PricingImpulseEvent(int episode, int deviator, List<List<Double>> prices) implements Event {
    public PricingImpulseEvent {
        prices = prices.stream().map(List::copyOf).toList();
    }

    @Override
    public String type() {
        return "pricing_impulse";
    }

    @Override
    public void writeFields(JsonLine out) {
        out.field("episode", episode).field("deviator", deviator).numberRows("prices", prices);
    }
}

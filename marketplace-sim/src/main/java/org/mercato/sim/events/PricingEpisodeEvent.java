package org.mercato.sim.events;

import java.util.List;

/**
 * The end of one learning episode: how many periods it ran, whether it converged, each firm's
 * mean price and profit on the converged play (the cycle greedy play reaches from the last state)
 * or, when it did not converge, over the last block, and the profit gain of those profits.
 */
public record PricingEpisodeEvent(
        int episode, long periods, boolean converged, List<Double> prices, List<Double> profits, double gain)
        implements Event {
    public PricingEpisodeEvent {
        prices = List.copyOf(prices);
        profits = List.copyOf(profits);
    }

    @Override
    public String type() {
        return "pricing_episode";
    }

    @Override
    public void writeFields(JsonLine out) {
        out.field("episode", episode)
                .field("periods", periods)
                .field("converged", converged)
                .numbers("prices", prices)
                .numbers("profits", profits)
                .field("gain", gain);
    }
}

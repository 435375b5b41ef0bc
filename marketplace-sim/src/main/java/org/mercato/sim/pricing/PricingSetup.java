package org.mercato.sim.pricing;

import java.util.List;

/** One run of episodes. Episode e draws firm i's stream from Seeds.derive(seed, "pricing/episode/" + e + "/firm/" + i). */
public record PricingSetup(
        PricingGame game,
        List<PricerFactory> firms,
        Convergence convergence,
        Impulse impulse,
        long logEvery,
        int episodes,
        long seed) {
    public PricingSetup {
        firms = List.copyOf(firms);
        if (firms.size() != game.firms()) {
            throw new IllegalArgumentException(
                    "one pricer per firm: " + game.firms() + " firms, " + firms.size() + " pricers");
        }
        if (logEvery < 1 || episodes < 0) {
            throw new IllegalArgumentException("logEvery must be positive and episodes not negative");
        }
        if (impulse != null && impulse.deviator() >= game.firms()) {
            throw new IllegalArgumentException(
                    "impulse deviator " + impulse.deviator() + " is not one of the " + game.firms() + " firms");
        }
    }
}

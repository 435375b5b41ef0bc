package org.mercato.sim.pricing;

import java.util.SplittableRandom;

/** Makes firm {@code firm}'s policy for one episode, with the episode's stream for that firm. */
@FunctionalInterface
public interface PricerFactory {
    PricingPolicy create(int firm, PricingGame game, SplittableRandom random);
}

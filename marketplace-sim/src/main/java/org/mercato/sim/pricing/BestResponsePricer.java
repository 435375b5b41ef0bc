package org.mercato.sim.pricing;

/** Skeleton: plays the grid's first price. */
public final class BestResponsePricer implements PricingPolicy {
    public static PricerFactory factory() {
        return (firm, game, random) -> new BestResponsePricer();
    }

    @Override
    public int choose(PricingView view) {
        return 0;
    }

    @Override
    public boolean learn(PricingView view, int state, int action, double profit) {
        return false;
    }

    @Override
    public String name() {
        return "best-response";
    }
}

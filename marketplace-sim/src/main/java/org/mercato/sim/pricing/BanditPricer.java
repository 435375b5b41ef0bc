package org.mercato.sim.pricing;

/** Skeleton: plays the grid's first price. */
public final class BanditPricer implements PricingPolicy {
    public static PricerFactory factory(double exploration) {
        return (firm, game, random) -> new BanditPricer();
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
        return "bandit";
    }
}

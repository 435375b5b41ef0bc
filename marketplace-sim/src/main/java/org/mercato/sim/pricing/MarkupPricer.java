package org.mercato.sim.pricing;

/** A fixed markup: always the grid price nearest {@code cost * (1 + markup)}. It does not learn. */
public final class MarkupPricer implements PricingPolicy {
    private final int choice;

    MarkupPricer(int choice) {
        this.choice = choice;
    }

    public static PricerFactory factory(double markup) {
        if (!Double.isFinite(markup)) {
            throw new IllegalArgumentException("markup must be a number, got " + markup);
        }
        return (firm, game, random) ->
                new MarkupPricer(game.grid(firm).nearest(game.demand().cost(firm) * (1 + markup)));
    }

    @Override
    public int choose(PricingView view) {
        return choice;
    }

    @Override
    public boolean learn(PricingView view, int state, int action, double profit) {
        return false;
    }

    @Override
    public String name() {
        return "markup";
    }
}

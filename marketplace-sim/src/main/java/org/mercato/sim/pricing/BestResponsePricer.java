package org.mercato.sim.pricing;

/**
 * A myopic competitor: the grid price of highest stage profit against the rivals' prices of the
 * last period (ties to the lowest index); in the first period the grid price nearest its own Nash
 * price. It does not learn.
 */
public final class BestResponsePricer implements PricingPolicy {
    private final int firm;
    private final ProfitTable table;
    private final int opening;
    private final int[] last;

    BestResponsePricer(int firm, PricingGame game) {
        this.firm = firm;
        this.table = ProfitTable.of(game);
        this.opening = game.grid(firm).nearest(game.benchmarks().nash().price(firm));
        this.last = new int[game.firms()];
    }

    public static PricerFactory factory() {
        return (firm, game, random) -> new BestResponsePricer(firm, game);
    }

    @Override
    public int choose(PricingView view) {
        if (view.history() == 0) {
            return opening;
        }
        for (int j = 0; j < last.length; j++) {
            last[j] = view.action(j, 1);
        }
        return table.bestResponse(table.profile(last), firm);
    }

    @Override
    public boolean learn(PricingView view, int state, int action, double profit) {
        return false;
    }

    @Override
    public int history() {
        return 1;
    }

    @Override
    public String name() {
        return "best-response";
    }
}

package org.mercato.sim.pricing;

import java.util.Arrays;

/**
 * The periods agent demand has played: each period's grid indices and the state they were chosen
 * in, and, once the period is over, each firm's quantity and profit per shopper. A firm's {@link
 * #view} sees the last {@code retained} periods.
 */
final class AgentHistory {
    private final PricingGame game;
    private final ProfitTable codes;
    private final int firms;
    private final int retained;
    private int[][] actions = new int[16][];
    private int[] states = new int[16];
    private double[][] quantities = new double[16][];
    private double[][] profits = new double[16][];
    /** Periods whose prices are posted. */
    private int priced;
    /** Periods that are over (their sales known); {@code priced - 1} or {@code priced}. */
    private int periods;
    /** The last {@code memory} periods' price profiles, coded as the engine codes them (0 at first). */
    private int state;

    AgentHistory(PricingGame game, int retained) {
        this.game = game;
        this.codes = ProfitTable.of(game);
        this.firms = game.demand().firms();
        this.retained = retained;
    }

    int priced() {
        return priced;
    }

    int periods() {
        return periods;
    }

    /** The state period {@code p} was priced in. */
    int state(int p) {
        return states[p];
    }

    /** The grid indices posted in period {@code p}. */
    int[] actions(int p) {
        return actions[p].clone();
    }

    /** The prices chosen for the next period (the one the view shows as about to be priced). */
    void post(int[] chosen) {
        if (priced != periods) {
            throw new IllegalStateException("period " + periods + " is priced already");
        }
        if (priced == actions.length) {
            int size = 2 * priced;
            actions = Arrays.copyOf(actions, size);
            states = Arrays.copyOf(states, size);
            quantities = Arrays.copyOf(quantities, size);
            profits = Arrays.copyOf(profits, size);
        }
        states[priced] = state;
        actions[priced] = chosen.clone();
        priced++;
    }

    /** The period priced last is over with these quantities and profits per firm. */
    void close(double[] quantity, double[] profit) {
        if (priced != periods + 1) {
            throw new IllegalStateException("period " + periods + " was never priced");
        }
        quantities[periods] = quantity.clone();
        profits[periods] = profit.clone();
        state = codes.next(state, codes.profile(actions[periods]));
        periods++;
    }

    /** What firm {@code firm} sees now: the period about to be priced and those before it. */
    PricingView view(int firm) {
        return new FirmView(periods, firm, game, state, Math.min(periods, retained), this);
    }

    /** Firm {@code firm}'s grid index {@code lag} periods before the one about to be priced. */
    int action(int firm, int lag) {
        return actions[past(lag)][firm];
    }

    double quantity(int firm, int lag) {
        return quantities[past(lag)][firm];
    }

    double profit(int firm, int lag) {
        return profits[past(lag)][firm];
    }

    private int past(int lag) {
        int shown = Math.min(periods, retained);
        if (lag < 1 || lag > shown) {
            throw new IndexOutOfBoundsException("lag " + lag + " outside 1.." + shown + " in period " + periods);
        }
        return periods - lag;
    }

    /** One firm's view, valid until the history changes. */
    private record FirmView(long period, int firm, PricingGame game, int state, int history, AgentHistory past)
            implements PricingView {
        @Override
        public int action(int firm, int lag) {
            return past.action(firm, lag);
        }

        @Override
        public double price(int firm, int lag) {
            return game.grid(firm).price(past.action(firm, lag));
        }

        @Override
        public double quantity(int lag) {
            return past.quantity(firm, lag);
        }

        @Override
        public double profit(int lag) {
            return past.profit(firm, lag);
        }
    }
}

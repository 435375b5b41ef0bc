package org.mercato.sim.pricing;

import java.util.Arrays;

/**
 * The periods agent demand has played: each period's grid indices and the state they were chosen
 * in, and, once the period is over, each firm's quantity (units sold) and profit. Shown to the
 * firms through one reused {@link View}, which sees the last {@code retained} periods.
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

    private final View view = new View();

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
    void close(long[] sales, double[] profit) {
        if (priced != periods + 1) {
            throw new IllegalStateException("period " + periods + " was never priced");
        }
        double[] quantity = new double[firms];
        for (int i = 0; i < firms; i++) {
            quantity[i] = sales[i];
        }
        quantities[periods] = quantity;
        profits[periods] = profit.clone();
        state = codes.next(state, codes.profile(actions[periods]));
        periods++;
    }

    View view() {
        return view;
    }

    /** What firm {@link #firm} sees now: the period about to be priced and those before it. */
    final class View implements PricingView {
        private int firm;

        View of(int firm) {
            this.firm = firm;
            return this;
        }

        @Override
        public long period() {
            return periods;
        }

        @Override
        public int firm() {
            return firm;
        }

        @Override
        public PricingGame game() {
            return game;
        }

        @Override
        public int state() {
            return state;
        }

        @Override
        public int history() {
            return Math.min(periods, retained);
        }

        @Override
        public int action(int firm, int lag) {
            return actions[past(lag)][firm];
        }

        @Override
        public double price(int firm, int lag) {
            return game.grid(firm).price(action(firm, lag));
        }

        @Override
        public double quantity(int lag) {
            return quantities[past(lag)][firm];
        }

        @Override
        public double profit(int lag) {
            return profits[past(lag)][firm];
        }

        private int past(int lag) {
            if (lag < 1 || lag > history()) {
                throw new IndexOutOfBoundsException(
                        "lag " + lag + " outside 1.." + history() + " in period " + periods);
            }
            return periods - lag;
        }
    }
}

package org.mercato.sim.pricing;

import java.util.SplittableRandom;

/**
 * Q-learning exactly as Calvano, Calzolari, Denicolò and Pastorello (AER 2020). In period t the
 * firm explores with probability {@code epsilon_t = exp(-beta t)} (a price drawn uniformly from
 * its grid) and otherwise plays greedily: the argmax of {@code Q[state]}, ties to the lowest index
 * so runs are deterministic. After the period, {@code Q(s,a) <- (1 - alpha) Q(s,a) + alpha (pi +
 * delta max_a' Q(s',a'))}. Q starts at the discounted payoff against uniformly random rivals,
 * {@code Q0(s,a) = sum over rival profiles of pi(a, a_-i) / ((1 - delta) * rival profiles)}, the
 * same in every state. The table is one flat array, state-major, with each state's argmax kept
 * alongside so a period costs O(1) unless the greedy action's value falls.
 */
public final class QLearningPricer implements PricingPolicy {
    private static final int RESYNC = 4096;
    /** 2^27 doubles, 1 GiB per firm: beyond it an episode would not fit the heap anyway. */
    private static final long MAX_TABLE = 1L << 27;

    private final double alpha;
    private final double beta;
    private final double delta;
    private final SplittableRandom random;
    private final int actions;
    private final double[] q;
    private final int[] greedy;
    private final double decay;
    private long epsilonPeriod = Long.MIN_VALUE;
    private double epsilon;

    QLearningPricer(int firm, PricingGame game, SplittableRandom random, double alpha, double beta, double delta) {
        this.alpha = alpha;
        this.beta = beta;
        this.delta = delta;
        this.random = random;
        this.decay = Math.exp(-beta);
        ProfitTable table = ProfitTable.of(game);
        actions = table.size(firm);
        double[] initial = new double[actions];
        for (int profile = 0; profile < table.profiles(); profile++) {
            initial[table.action(profile, firm)] += table.profit(profile, firm);
        }
        int rivalProfiles = table.profiles() / actions;
        for (int a = 0; a < actions; a++) {
            initial[a] /= (1 - delta) * rivalProfiles;
        }
        int states = table.states();
        if ((long) states * actions > MAX_TABLE) {
            throw new IllegalArgumentException("a Q-table of " + states + " states x " + actions
                    + " prices is too large (at most " + MAX_TABLE + " entries): fewer firms, prices or memory");
        }
        q = new double[states * actions];
        for (int s = 0; s < states; s++) {
            System.arraycopy(initial, 0, q, s * actions, actions);
        }
        greedy = new int[states];
        java.util.Arrays.fill(greedy, argmax(0));
    }

    /** alpha in (0, 1], beta >= 0, delta in [0, 1). */
    public static PricerFactory factory(double alpha, double beta, double delta) {
        if (!(alpha > 0 && alpha <= 1) || !(beta >= 0) || !(delta >= 0 && delta < 1)) {
            throw new IllegalArgumentException("q-learning needs alpha in (0, 1], beta >= 0 and delta in [0, 1), got "
                    + alpha + ", " + beta + ", " + delta);
        }
        return (firm, game, random) -> new QLearningPricer(firm, game, random, alpha, beta, delta);
    }

    @Override
    public int choose(PricingView view) {
        if (random.nextDouble() < exploration(view.period())) {
            return random.nextInt(actions);
        }
        return greedy[view.state()];
    }

    @Override
    public int greedy(PricingView view) {
        return greedy[view.state()];
    }

    @Override
    public boolean learn(PricingView view, int state, int action, double profit) {
        int next = view.state();
        double target = profit + delta * q[next * actions + greedy[next]];
        int row = state * actions;
        double old = q[row + action];
        double updated = (1 - alpha) * old + alpha * target;
        q[row + action] = updated;
        int before = greedy[state];
        int after = before;
        if (action == before) {
            if (updated < old) {
                after = argmax(row);
            }
        } else {
            double best = q[row + before];
            if (updated > best || (updated == best && action < before)) {
                after = action;
            }
        }
        greedy[state] = after;
        return after != before;
    }

    private int argmax(int row) {
        int best = 0;
        for (int a = 1; a < actions; a++) {
            if (q[row + a] > q[row + best]) {
                best = a;
            }
        }
        return best;
    }

    /**
     * {@code exp(-beta t)}; consecutive periods multiply by {@code exp(-beta)} and every 4096th is
     * computed afresh, so the rate stays within rounding of the formula without an exp per period.
     */
    @Override
    public double exploration(long period) {
        if (period != epsilonPeriod) {
            if (period == epsilonPeriod + 1 && period % RESYNC != 0) {
                epsilon *= decay;
            } else {
                epsilon = Math.exp(-beta * period);
            }
            epsilonPeriod = period;
        }
        return epsilon;
    }

    /** Q(state, action). */
    public double value(int state, int action) {
        return q[state * actions + action];
    }

    /** The argmax of Q[state], ties to the lowest index. */
    public int greedyAction(int state) {
        return greedy[state];
    }

    /** A copy of the whole table, state-major. */
    public double[] table() {
        return q.clone();
    }

    @Override
    public String name() {
        return "q-learning";
    }
}

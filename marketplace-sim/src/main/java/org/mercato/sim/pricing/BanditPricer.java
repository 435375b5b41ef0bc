package org.mercato.sim.pricing;

/**
 * UCB1 over the firm's grid prices, stateless: each price is tried once (lowest index first),
 * then the firm plays the price maximising {@code mean + exploration * sqrt(2 ln t / n_a)}, where
 * the mean is the price's average profit divided by the firm's joint-monopoly profit (so rewards
 * are about [0, 1] whatever the units), t the periods played and n_a the times the price was
 * played; ties go to the lowest index. Its greedy strategy (what {@code learn} reports changes of,
 * and what it plays in converged play) is the price of highest mean.
 */
public final class BanditPricer implements PricingPolicy {
    private final double exploration;
    private final double scale;
    private final long[] counts;
    private final double[] means;
    private long plays;
    private int best;

    BanditPricer(int firm, PricingGame game, double exploration) {
        this.exploration = exploration;
        double monopoly = game.benchmarks().monopoly().profit(firm);
        this.scale = monopoly > 0 ? 1 / monopoly : 1;
        int actions = game.grid(firm).size();
        counts = new long[actions];
        means = new double[actions];
    }

    /** exploration >= 0: the weight of UCB1's confidence bonus (1 is the textbook rule). */
    public static PricerFactory factory(double exploration) {
        if (!(exploration >= 0)) {
            throw new IllegalArgumentException("bandit exploration must be >= 0, got " + exploration);
        }
        return (firm, game, random) -> new BanditPricer(firm, game, exploration);
    }

    @Override
    public int choose(PricingView view) {
        if (plays < counts.length) {
            for (int a = 0; a < counts.length; a++) {
                if (counts[a] == 0) {
                    return a;
                }
            }
        }
        double log = Math.log(plays);
        int choice = 0;
        double top = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < counts.length; a++) {
            double index = means[a] + exploration * Math.sqrt(2 * log / counts[a]);
            if (index > top) {
                top = index;
                choice = a;
            }
        }
        return choice;
    }

    @Override
    public int greedy(PricingView view) {
        return best;
    }

    @Override
    public boolean learn(PricingView view, int state, int action, double profit) {
        plays++;
        counts[action]++;
        means[action] += (profit * scale - means[action]) / counts[action];
        int before = best;
        for (int a = 0; a < means.length; a++) {
            if (means[a] > means[best] || (means[a] == means[best] && a < best)) {
                best = a;
            }
        }
        return best != before;
    }

    @Override
    public String name() {
        return "bandit";
    }
}

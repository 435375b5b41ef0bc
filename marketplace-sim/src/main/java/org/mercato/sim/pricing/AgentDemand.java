package org.mercato.sim.pricing;

import java.util.Arrays;
import java.util.List;
import org.mercato.sim.events.EventRecorder;
import org.mercato.sim.market.dynamics.Repricing;
import org.mercato.sim.random.Seeds;

/**
 * Learning sellers facing the market's own shoppers ("agent demand"): firm i is the catalog's
 * service i and posts its grid price, round(100 p) cents, on every item of its menu. At time 0 each
 * firm's first {@link PricingPolicy#choose} sets the opening prices (and the game's benchmarks are
 * logged); at each period boundary every firm {@link PricingPolicy#learn learns} from the period
 * that ended, then every firm chooses the next price, all seeing the same state.
 *
 * <p>What a firm sees is on the analytic model's scale, per shopper who started a visit in the
 * period (Calvano's demand is a share of a unit mass of consumers): its quantity is its units sold
 * divided by the period's shoppers, its profit the period's revenue minus unit costs over the
 * payments settled in it, in currency units (cents / 100), divided by the same count (a period
 * without shoppers counts as one). So Q-learning's initial values, the discounted profit against
 * random rivals under the formula, are on the scale of what the firm then learns from, whatever
 * the number of shoppers. Firm i draws from {@code pricing/agents/firm/i}.
 */
public final class AgentDemand implements Repricing {
    private final PricingGame game;
    private final List<PricingPolicy> policies;
    private final AgentHistory history;

    private AgentDemand(PricingGame game, List<PricingPolicy> policies, AgentHistory history) {
        this.game = game;
        this.policies = policies;
        this.history = history;
    }

    /** The repricing hook STUDY's {@code demand: agents} puts in the market's dynamics. */
    public static Repricing repricing(PricingGame game, List<PricerFactory> firms, long seed) {
        int n = game.demand().firms();
        if (firms.size() != n) {
            throw new IllegalArgumentException(
                    "the pricing game has " + n + " firms but " + firms.size() + " pricers were given");
        }
        PricingPolicy[] policies = new PricingPolicy[n];
        int retained = game.memory();
        for (int i = 0; i < n; i++) {
            policies[i] = firms.get(i).create(i, game, Seeds.derive(seed, "pricing/agents/firm/" + i));
            retained = Math.max(retained, policies[i].history());
        }
        return new AgentDemand(game, List.of(policies), new AgentHistory(game, retained));
    }

    @Override
    public int firms() {
        return policies.size();
    }

    @Override
    public long[] open(EventRecorder log) {
        if (history.periods() != 0 || history.priced() != 0) {
            throw new IllegalStateException("agent demand opens once");
        }
        log.record(0, PricingEvents.benchmark(game));
        return choose();
    }

    @Override
    public long[] next(long ended, long shoppers, long[] sales, long[] profits) {
        if (ended != history.periods()) {
            throw new IllegalStateException("expected the end of period " + history.periods() + ", got " + ended);
        }
        int n = firms();
        double perShopper = 1.0 / Math.max(1, shoppers);
        double[] quantity = new double[n];
        double[] profit = new double[n];
        for (int i = 0; i < n; i++) {
            quantity[i] = sales[i] * perShopper;
            profit[i] = profits[i] / 100.0 * perShopper;
        }
        int state = history.state(history.periods());
        int[] actions = history.actions(history.periods());
        history.close(quantity, profit);
        for (int i = 0; i < n; i++) {
            policies.get(i).learn(history.view(i), state, actions[i], profit[i]);
        }
        return choose();
    }

    /** Every firm chooses for the period about to start (all from the same view); its prices in cents. */
    private long[] choose() {
        int n = firms();
        int[] actions = new int[n];
        for (int i = 0; i < n; i++) {
            actions[i] = policies.get(i).choose(history.view(i));
            if (actions[i] < 0 || actions[i] >= game.grid(i).size()) {
                throw new IllegalStateException(policies.get(i).name() + " pricer of firm " + i + " chose grid index "
                        + actions[i] + " outside 0.." + (game.grid(i).size() - 1));
            }
        }
        history.post(actions);
        long[] cents = new long[n];
        for (int i = 0; i < n; i++) {
            cents[i] = Math.round(100 * game.grid(i).price(actions[i]));
        }
        return cents;
    }

    @Override
    public String toString() {
        String[] names = policies.stream().map(PricingPolicy::name).toArray(String[]::new);
        return "AgentDemand" + Arrays.toString(names);
    }
}

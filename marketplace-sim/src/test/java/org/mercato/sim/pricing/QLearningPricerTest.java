package org.mercato.sim.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Q-learning on a 2-price duopoly small enough to work out by hand. */
class QLearningPricerTest {
    static final double ALPHA = 0.5;
    static final double DELTA = 0.9;

    /** Two firms, two prices each; states are the last profile: 4 of them. */
    static PricingGame tiny() {
        LogitDemand demand = LogitDemand.symmetric(2, 2, 1, 0, 0.25);
        PriceGrid grid = new PriceGrid(new double[] {1.5, 1.9});
        return new PricingGame(demand, List.of(grid, grid), 1, PriceBenchmarks.solve(demand));
    }

    static double profit(PricingGame game, double own, double rival) {
        return game.demand().profits(new double[] {own, rival})[0];
    }

    /** A view that shows only the state; the test sets it to the state after the period. */
    static final class StateView implements PricingView {
        int state;
        long period;
        final PricingGame game;

        StateView(PricingGame game) {
            this.game = game;
        }

        @Override
        public long period() {
            return period;
        }

        @Override
        public int firm() {
            return 0;
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
            return 0;
        }

        @Override
        public int action(int firm, int lag) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double price(int firm, int lag) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double quantity(int lag) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double profit(int lag) {
            throw new UnsupportedOperationException();
        }
    }

    static QLearningPricer learner(PricingGame game) {
        return (QLearningPricer) QLearningPricer.factory(ALPHA, 1e-3, DELTA).create(0, game, new SplittableRandom(1));
    }

    @Test
    void qStartsAtTheDiscountedPayoffAgainstAUniformlyRandomRival() {
        PricingGame game = tiny();
        QLearningPricer q = learner(game);
        for (int a = 0; a < 2; a++) {
            double own = game.grid(0).price(a);
            double expected = (profit(game, own, 1.5) + profit(game, own, 1.9)) / ((1 - DELTA) * 2);
            for (int s = 0; s < 4; s++) {
                assertThat(q.value(s, a)).isCloseTo(expected, within(1e-12));
            }
        }
    }

    @Test
    void oneUpdateIsTheConvexCombinationOfTheOldValueAndTheTarget() {
        PricingGame game = tiny();
        QLearningPricer q = learner(game);
        StateView view = new StateView(game);
        view.state = 3;
        double old = q.value(0, 1);
        double nextMax = Math.max(q.value(3, 0), q.value(3, 1));
        double pi = profit(game, 1.9, 1.9);
        q.learn(view, 0, 1, pi);
        assertThat(q.value(0, 1)).isCloseTo(0.5 * old + 0.5 * (pi + 0.9 * nextMax), within(1e-12));
        assertThat(q.value(0, 0)).isEqualTo(q.value(1, 0));
    }

    /**
     * Against a rival fixed at 1.9, the state after the period is determined by the own price a:
     * s(a). Then Q*(s, a) = pi(a) + delta V with V = max_a Q* = pi_max / (1 - delta), whatever s.
     */
    @Test
    void repeatedUpdatesAgainstAFixedRivalReachTheFixedPointWorkedOutByHand() {
        PricingGame game = tiny();
        QLearningPricer q = learner(game);
        StateView view = new StateView(game);
        ProfitTable table = ProfitTable.of(game);
        double[] pi = {profit(game, 1.5, 1.9), profit(game, 1.9, 1.9)};
        for (int sweep = 0; sweep < 400; sweep++) {
            for (int s = 0; s < 4; s++) {
                for (int a = 0; a < 2; a++) {
                    view.state = table.profile(new int[] {a, 1});
                    q.learn(view, s, a, pi[a]);
                }
            }
        }
        double best = Math.max(pi[0], pi[1]);
        for (int s = 0; s < 4; s++) {
            for (int a = 0; a < 2; a++) {
                assertThat(q.value(s, a)).isCloseTo(pi[a] + DELTA * best / (1 - DELTA), within(1e-9));
            }
            assertThat(q.greedyAction(s)).isEqualTo(pi[1] > pi[0] ? 1 : 0);
        }
    }

    @Test
    void learnReportsExactlyTheUpdatesThatChangeTheStatesArgmax() {
        PricingGame game = tiny();
        QLearningPricer q = learner(game);
        StateView view = new StateView(game);
        int before = q.greedyAction(2);
        int other = 1 - before;
        // a huge profit for the other action makes it the argmax of state 2 only
        assertThat(q.learn(view, 2, other, 1e6)).isTrue();
        assertThat(q.greedyAction(2)).isEqualTo(other);
        assertThat(q.greedyAction(1)).isEqualTo(before);
        // raising it further changes nothing
        assertThat(q.learn(view, 2, other, 1e6)).isFalse();
        // a huge loss on it hands the argmax back
        assertThat(q.learn(view, 2, other, -1e8)).isTrue();
        assertThat(q.greedyAction(2)).isEqualTo(before);
    }

    @Test
    void explorationDecaysAsExpOfMinusBetaT() {
        QLearningPricer q = learner(tiny());
        for (long t = 0; t < 20_000; t++) {
            assertThat(q.exploration(t)).isCloseTo(Math.exp(-1e-3 * t), within(1e-12));
        }
        assertThat(q.exploration(5)).isCloseTo(Math.exp(-5e-3), within(1e-15));
    }

    @Test
    void withBetaZeroEveryChoiceExploresAndAllPricesAppear() {
        PricingGame game = tiny();
        PricingPolicy q = QLearningPricer.factory(0.1, 0, 0.9).create(0, game, new SplittableRandom(3));
        StateView view = new StateView(game);
        int[] counts = new int[2];
        for (int t = 0; t < 1000; t++) {
            view.period = t;
            counts[q.choose(view)]++;
        }
        assertThat(counts[0]).isBetween(400, 600);
    }

    @Test
    void badParametersAreRefusedWithTheirValues() {
        assertThatThrownBy(() -> QLearningPricer.factory(0, 1e-5, 0.95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alpha");
        assertThatThrownBy(() -> QLearningPricer.factory(0.1, 1e-5, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("delta");
    }
}

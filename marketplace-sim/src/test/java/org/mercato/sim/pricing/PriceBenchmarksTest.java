package org.mercato.sim.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PriceBenchmarksTest {
    /** Random asymmetric demand: n firms, a_i in [1, 3], c_i in [0.5, 1.5], a0 in [-1, 1], mu in [0.05, 1]. */
    static LogitDemand demand(int firms, long seed, double mu) {
        Random random = new Random(seed);
        double[] quality = new double[firms];
        double[] cost = new double[firms];
        for (int i = 0; i < firms; i++) {
            quality[i] = 1 + 2 * random.nextDouble();
            cost[i] = 0.5 + random.nextDouble();
        }
        return new LogitDemand(quality, cost, -1 + 2 * random.nextDouble(), mu);
    }

    @Test
    void calvanosBaselineMatchesThePaper() {
        PriceBenchmarks b = PriceBenchmarks.solve(LogitDemand.symmetric(2, 2, 1, 0, 0.25));
        for (int i = 0; i < 2; i++) {
            assertThat(b.nash().price(i)).isCloseTo(1.4729, within(1e-4));
            assertThat(b.monopoly().price(i)).isCloseTo(1.9250, within(1e-4));
            assertThat(b.nash().profit(i)).isCloseTo(0.2229, within(1e-4));
            assertThat(b.monopoly().profit(i)).isCloseTo(0.3375, within(1e-4));
        }
        assertThat(b.gain(b.nash().profits())).isCloseTo(0, within(1e-12));
        assertThat(b.gain(b.monopoly().profits())).isCloseTo(1, within(1e-12));
    }

    @Property(tries = 60)
    void atNashTheFirstOrderConditionHoldsAndNoFirmGainsByDeviating(
            @ForAll @IntRange(min = 2, max = 4) int firms,
            @ForAll long seed,
            @ForAll @DoubleRange(min = 0.05, max = 1) double mu) {
        LogitDemand demand = demand(firms, seed, mu);
        PricePoint nash = PriceBenchmarks.solve(demand).nash();
        for (int i = 0; i < firms; i++) {
            double p = nash.price(i);
            assertThat((p - demand.cost(i)) * notBuying(demand, nash.prices(), i) / mu)
                    .isCloseTo(1, within(1e-9));
            double[] deviation = nash.prices();
            for (int k = -500; k <= 500; k++) {
                deviation[i] = p + k * 0.002 * mu;
                assertThat(demand.profits(deviation)[i]).isLessThanOrEqualTo(nash.profit(i) + 1e-12);
            }
        }
    }

    @Property(tries = 60)
    void atTheMonopolyPointNoJointPerturbationRaisesTotalProfit(
            @ForAll @IntRange(min = 2, max = 4) int firms,
            @ForAll long seed,
            @ForAll @DoubleRange(min = 0.05, max = 1) double mu) {
        LogitDemand demand = demand(firms, seed, mu);
        PricePoint monopoly = PriceBenchmarks.solve(demand).monopoly();
        double best = total(demand, monopoly.prices());
        Random random = new Random(seed ^ 0x5eed);
        for (int k = 0; k < 400; k++) {
            double size = mu * Math.pow(10, -1 - 3 * random.nextDouble());
            double[] perturbed = monopoly.prices();
            for (int i = 0; i < firms; i++) {
                perturbed[i] += size * random.nextGaussian();
            }
            assertThat(total(demand, perturbed)).isLessThanOrEqualTo(best + 1e-12);
        }
        PricePoint nash = PriceBenchmarks.solve(demand).nash();
        assertThat(best).isGreaterThan(total(demand, nash.prices()));
    }

    /** 1 - q_i from the weights of everything but firm i, without cancellation when q_i is near 1. */
    private static double notBuying(LogitDemand demand, double[] prices, int i) {
        double max = demand.outside() / demand.mu();
        for (int j = 0; j < prices.length; j++) {
            max = Math.max(max, (demand.quality(j) - prices[j]) / demand.mu());
        }
        double rest = Math.exp(demand.outside() / demand.mu() - max);
        double all = rest;
        for (int j = 0; j < prices.length; j++) {
            double w = Math.exp((demand.quality(j) - prices[j]) / demand.mu() - max);
            all += w;
            rest += j == i ? 0 : w;
        }
        return rest / all;
    }

    private static double total(LogitDemand demand, double[] prices) {
        double sum = 0;
        for (double profit : demand.profits(prices)) {
            sum += profit;
        }
        return sum;
    }

    @Test
    void sharesStayFiniteWhenTheExponentsAreHuge() {
        LogitDemand demand = new LogitDemand(new double[] {2000, 1}, new double[] {1, 1}, 0, 0.25);
        double[] q = demand.shares(new double[] {1, 1});
        assertThat(q[0]).isCloseTo(1, within(1e-12));
        assertThat(q[1]).isCloseTo(0, within(1e-12));
    }
}

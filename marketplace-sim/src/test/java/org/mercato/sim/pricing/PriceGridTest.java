package org.mercato.sim.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PriceGridTest {
    @Test
    void theGridSpansNashToMonopolyWidenedByXiEquallySpaced() {
        PriceGrid grid = PriceGrid.of(1.5, 2.0, 11, 0.1);
        assertThat(grid.size()).isEqualTo(11);
        assertThat(grid.price(0)).isCloseTo(1.45, within(1e-12));
        assertThat(grid.price(10)).isCloseTo(2.05, within(1e-12));
        assertThat(grid.price(5)).isCloseTo(1.75, within(1e-12));
    }

    @Test
    void nearestTiesGoToTheLowerIndex() {
        PriceGrid grid = new PriceGrid(new double[] {1, 2, 3});
        assertThat(grid.nearest(1.5)).isZero();
        assertThat(grid.nearest(2.6)).isEqualTo(2);
        assertThat(grid.nearest(-5)).isZero();
        assertThat(grid.nearest(9)).isEqualTo(2);
    }

    @Test
    void gamesGiveEachFirmAGridFromItsOwnBenchmarks() {
        LogitDemand demand = new LogitDemand(new double[] {2, 2.5}, new double[] {1, 1.2}, 0, 0.25);
        PricingGame game = PricingGame.of(demand, 15, 0.1, 2);
        for (int i = 0; i < 2; i++) {
            double n = game.benchmarks().nash().price(i);
            double m = game.benchmarks().monopoly().price(i);
            assertThat(game.grid(i).price(0)).isCloseTo(n - 0.1 * (m - n), within(1e-12));
            assertThat(game.grid(i).price(14)).isCloseTo(m + 0.1 * (m - n), within(1e-12));
        }
        assertThat(game.states()).isEqualTo(225 * 225);
    }

    @Test
    void profilesAndStatesAreMixedRadixWithTheLatestPeriodLowest() {
        LogitDemand demand = LogitDemand.symmetric(3, 2, 1, 0, 0.25);
        PricingGame game = new PricingGame(
                demand,
                java.util.List.of(
                        new PriceGrid(new double[] {1.5, 1.6}),
                        new PriceGrid(new double[] {1.5, 1.6, 1.7}),
                        new PriceGrid(new double[] {1.5, 1.6, 1.7, 1.8})),
                2,
                PriceBenchmarks.solve(demand));
        ProfitTable table = ProfitTable.of(game);
        assertThat(table.profiles()).isEqualTo(24);
        assertThat(table.states()).isEqualTo(576);
        int profile = table.profile(new int[] {1, 2, 3});
        assertThat(profile).isEqualTo(1 + 2 * 2 + 3 * 6);
        assertThat(table.action(profile, 0)).isEqualTo(1);
        assertThat(table.action(profile, 1)).isEqualTo(2);
        assertThat(table.action(profile, 2)).isEqualTo(3);
        assertThat(table.withAction(profile, 1, 0)).isEqualTo(table.profile(new int[] {1, 0, 3}));
        int state = table.next(table.next(0, 5), profile);
        assertThat(state).isEqualTo(5 * 24 + profile);
        assertThat(table.next(state, 7)).isEqualTo(profile * 24 + 7);
        assertThat(table.lastProfile(state)).isEqualTo(profile);
        assertThat(table.profit(profile, 2)).isCloseTo(demand.profits(new double[] {1.6, 1.7, 1.8})[2], within(1e-15));
        // firm 0's best response to (1.7, 1.8) is the better of its two prices
        double low = demand.profits(new double[] {1.5, 1.7, 1.8})[0];
        double high = demand.profits(new double[] {1.6, 1.7, 1.8})[0];
        assertThat(table.bestResponse(profile, 0)).isEqualTo(high > low ? 1 : 0);
    }
}

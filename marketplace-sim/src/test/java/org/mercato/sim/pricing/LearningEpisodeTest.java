package org.mercato.sim.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mercato.sim.events.Event;
import org.mercato.sim.events.JsonLine;
import org.mercato.sim.events.PricingBlockEvent;
import org.mercato.sim.events.PricingEpisodeEvent;
import org.mercato.sim.events.PricingImpulseEvent;

class LearningEpisodeTest {
    static PricingGame calvano() {
        return BaselineEpisodeTest.calvano();
    }

    /** Plays a fixed price and reports a greedy change in every period before {@code changesUntil}. */
    static final class Stub implements PricingPolicy {
        final int price;
        final long changesUntil;
        final List<Long> learnedPeriods = new ArrayList<>();

        Stub(int price, long changesUntil) {
            this.price = price;
            this.changesUntil = changesUntil;
        }

        @Override
        public int choose(PricingView view) {
            return price;
        }

        @Override
        public boolean learn(PricingView view, int state, int action, double profit) {
            long period = view.period() - 1;
            learnedPeriods.add(period);
            return period < changesUntil;
        }

        @Override
        public String name() {
            return "stub";
        }
    }

    @Test
    void anEpisodeStopsAfterStableConsecutivePeriodsWithoutAGreedyChange() {
        Stub changing = new Stub(3, 37);
        Stub still = new Stub(5, 0);
        LearningEpisode episode =
                new LearningEpisode(4, calvano(), List.of(changing, still), new Convergence(10, 1_000), null, 20);
        LearningEpisode.Outcome outcome = episode.run();
        // the last change is in period 36; periods 37..46 are the 10 stable ones
        assertThat(outcome.periods()).isEqualTo(47);
        assertThat(outcome.converged()).isTrue();
        assertThat(changing.learnedPeriods).hasSize(47);
        assertThat(outcome.events())
                .filteredOn(PricingBlockEvent.class::isInstance)
                .extracting(e -> ((PricingBlockEvent) e).from() + "-" + ((PricingBlockEvent) e).to())
                .containsExactly("0-20", "20-40", "40-47");
        ProfitTable table = ProfitTable.of(calvano());
        int profile = table.profile(new int[] {3, 5});
        assertThat(outcome.prices()).containsExactly(table.price(profile, 0), table.price(profile, 1));
        assertThat(outcome.gain())
                .isCloseTo(
                        calvano().benchmarks().gain(new double[] {table.profit(profile, 0), table.profit(profile, 1)}),
                        within(1e-12));
    }

    @Test
    void theCapStopsAnEpisodeThatKeepsChangingAndItReportsTheFinalBlock() {
        Stub changing = new Stub(0, Long.MAX_VALUE);
        Stub still = new Stub(14, 0);
        LearningEpisode.Outcome outcome = new LearningEpisode(
                        0, calvano(), List.of(changing, still), new Convergence(10, 95), new Impulse(0, 3), 20)
                .run();
        assertThat(outcome.periods()).isEqualTo(95);
        assertThat(outcome.converged()).isFalse();
        List<Event> events = outcome.events();
        assertThat(events).noneMatch(PricingImpulseEvent.class::isInstance);
        PricingBlockEvent last = (PricingBlockEvent) events.get(events.size() - 2);
        assertThat(last.from()).isEqualTo(80);
        assertThat(last.to()).isEqualTo(95);
        PricingEpisodeEvent end = (PricingEpisodeEvent) events.get(events.size() - 1);
        assertThat(end.converged()).isFalse();
        assertThat(end.profits()).isEqualTo(last.profits());
    }

    @Test
    void fixedMarkupsConvergeAfterStablePeriodsToTheirGridPrices() {
        PricingGame game = calvano();
        PricerFactory markup = MarkupPricer.factory(0.6);
        PricingSetup setup = new PricingSetup(
                game, List.of(markup, markup), new Convergence(50, 10_000), new Impulse(1, 2), 1000, 1, 1);
        LearningEpisode.Outcome outcome = LearningEpisode.of(setup, 0).run();
        assertThat(outcome.periods()).isEqualTo(50);
        int index = game.grid(0).nearest(1.6);
        assertThat(outcome.prices()[0]).isEqualTo(game.grid(0).price(index));
        PricingImpulseEvent impulse =
                (PricingImpulseEvent) outcome.events().get(outcome.events().size() - 1);
        // the markup firms cannot respond: before, the shock (firm 1's static best response), then back
        double before = JsonLine.round6(game.grid(0).price(index));
        ProfitTable table = ProfitTable.of(game);
        int shock = table.bestResponse(table.profile(new int[] {index, index}), 1);
        assertThat(impulse.prices())
                .containsExactly(
                        List.of(before, before),
                        List.of(before, JsonLine.round6(game.grid(1).price(shock))),
                        List.of(before, before),
                        List.of(before, before));
    }

    @Test
    void bestRespondersOpenNearNashAndSettleOnTheGridsMutualBestResponse() {
        PricingGame game = calvano();
        PricerFactory br = BestResponsePricer.factory();
        PricingSetup setup = new PricingSetup(game, List.of(br, br), new Convergence(30, 10_000), null, 1000, 1, 1);
        LearningEpisode.Outcome outcome = LearningEpisode.of(setup, 0).run();
        ProfitTable table = ProfitTable.of(game);
        int nash = game.grid(0).nearest(game.benchmarks().nash().price(0));
        int profile = table.profile(new int[] {nash, nash});
        assertThat(table.bestResponse(profile, 0)).isEqualTo(nash);
        assertThat(outcome.prices()[0]).isEqualTo(game.grid(0).price(nash));
        assertThat(outcome.gain()).isCloseTo(0, within(0.05));
    }

    @Test
    void aBanditAgainstAFixedRivalEndsOnItsBestGridPrice() {
        PricingGame game = calvano();
        PricingSetup setup = new PricingSetup(
                game,
                List.of(BanditPricer.factory(1), MarkupPricer.factory(0.9)),
                new Convergence(2_000, 100_000),
                null,
                1000,
                1,
                1);
        LearningEpisode episode = LearningEpisode.of(setup, 0);
        LearningEpisode.Outcome outcome = episode.run();
        ProfitTable table = ProfitTable.of(game);
        int rival = game.grid(1).nearest(1.9);
        int best = table.bestResponse(table.profile(new int[] {0, rival}), 0);
        assertThat(outcome.converged()).isTrue();
        assertThat(outcome.prices()[0]).isEqualTo(game.grid(0).price(best));
    }

    @Test
    void aChoiceOffTheGridIsALoudError() {
        LearningEpisode episode = new LearningEpisode(
                0, calvano(), List.of(new Stub(15, 0), new Stub(0, 0)), new Convergence(5, 5), null, 5);
        assertThatThrownBy(episode::run)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("firm 0 chose price index 15, outside its grid of 15");
    }

    @Test
    void threeAsymmetricQLearnersAndTwoPeriodMemoriesRunToTheEnd() {
        LogitDemand demand = new LogitDemand(new double[] {2, 2.2, 1.8}, new double[] {1, 1.1, 0.9}, 0, 0.25);
        PricerFactory q = QLearningPricer.factory(0.15, 1e-3, 0.95);
        for (PricingGame game : List.of(
                PricingGame.of(demand, 5, 0.1, 1),
                PricingGame.of(LogitDemand.symmetric(2, 2, 1, 0, 0.25), 5, 0.1, 2))) {
            List<PricerFactory> firms = java.util.Collections.nCopies(game.firms(), q);
            PricingSetup setup = new PricingSetup(
                    game, firms, new Convergence(500, 50_000), new Impulse(2 % game.firms(), 4), 1_000, 1, 9);
            LearningEpisode.Outcome outcome = LearningEpisode.of(setup, 0).run();
            assertThat(outcome.prices()).hasSize(game.firms());
            for (int i = 0; i < game.firms(); i++) {
                assertThat(outcome.prices()[i])
                        .isBetween(game.grid(i).price(0), game.grid(i).price(4));
            }
            if (outcome.converged()) {
                PricingImpulseEvent impulse = (PricingImpulseEvent)
                        outcome.events().get(outcome.events().size() - 1);
                assertThat(impulse.prices()).hasSize(6).allMatch(row -> row.size() == game.firms());
            }
        }
    }

    @Test
    void aGameTooLargeForATableIsRefusedWithItsSize() {
        PricingGame game = PricingGame.of(LogitDemand.symmetric(3, 2, 1, 0, 0.25), 15, 0.1, 3);
        assertThatThrownBy(game::states)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 firms with grids of 15 prices and memory 3");
        PricingGame big = PricingGame.of(LogitDemand.symmetric(3, 2, 1, 0, 0.25), 15, 0.1, 2);
        assertThatThrownBy(
                        () -> QLearningPricer.factory(0.1, 1e-5, 0.9).create(0, big, new java.util.SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too large");
    }
}

package org.mercato.metrics.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mercato.metrics.estimation.Interval;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.Event;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.PricingBenchmarkEvent;
import org.mercato.sim.events.PricingBlockEvent;
import org.mercato.sim.events.PricingEpisodeEvent;
import org.mercato.sim.events.PricingImpulseEvent;
import org.mercato.sim.events.PricingPeriodEvent;
import org.mercato.sim.events.ServiceEvent;

/** The pricing block from hand-made pricing events: means over episodes, the gain's t interval, the impulse. */
class PricingFoldTest {
    private static final PricingBenchmarkEvent BENCHMARK = new PricingBenchmarkEvent(
            2,
            List.of(2.0, 2.0),
            List.of(1.0, 1.0),
            0,
            0.25,
            List.of(1.5, 1.5),
            List.of(0.2, 0.2),
            List.of(1.9, 1.9),
            List.of(0.3, 0.3),
            List.of(1.4, 1.9, 2.0));

    private static PricingFold fold(Event... events) {
        PricingFold fold = new PricingFold();
        for (int i = 0; i < events.length; i++) {
            fold.accept(new LoggedEvent(0, i, events[i]));
        }
        return fold;
    }

    @Test
    void episodesAreAveragedAndTheGainHasItsTInterval() {
        PricingFold fold = fold(
                BENCHMARK,
                new PricingBlockEvent(0, 0, 10, List.of(1.6, 1.7), List.of(0.25, 0.26), 0.5),
                new PricingBlockEvent(1, 0, 10, List.of(1.8, 1.9), List.of(0.27, 0.28), 0.5),
                new PricingBlockEvent(1, 10, 20, List.of(1.7, 1.7), List.of(0.26, 0.26), 0.1),
                new PricingEpisodeEvent(0, 10, true, List.of(1.7, 1.7), List.of(0.28, 0.28), 0.8),
                new PricingImpulseEvent(0, 0, List.of(List.of(1.7, 1.7), List.of(1.5, 1.7), List.of(1.6, 1.5))),
                new PricingEpisodeEvent(1, 20, false, List.of(1.8, 1.6), List.of(0.29, 0.27), 0.9),
                new PricingImpulseEvent(1, 0, List.of(List.of(1.9, 1.9), List.of(1.5, 1.9), List.of(1.8, 1.7))),
                new PricingEpisodeEvent(2, 30, true, List.of(1.6, 1.6), List.of(0.24, 0.24), 0.4));

        PricingMetrics m = fold.result(List.of("q-learning", "q-learning"));

        assertThat(m.demand()).isEqualTo("logit");
        assertThat(m.episodes()).isEqualTo(3);
        assertThat(m.converged()).isEqualTo(0.666667);
        assertThat(m.meanPeriods()).isEqualTo(20.0);
        Interval expected = Interval.of(List.of(0.8, 0.9, 0.4));
        assertThat(m.gain().mean()).isEqualTo(0.7);
        assertThat(m.gain().low()).isEqualTo(Math.round(expected.lower() * 1e6) / 1e6);
        assertThat(m.gain().high()).isEqualTo(Math.round(expected.upper() * 1e6) / 1e6);
        assertThat(m.gain().low()).isLessThan(0.4);
        assertThat(m.prices()).containsExactly(1.7, 1.633333);
        assertThat(m.path()).hasSize(2);
        assertThat(m.path().get(0).episodes()).isEqualTo(2);
        assertThat(m.path().get(0).prices()).containsExactly(1.7, 1.8);
        assertThat(m.path().get(1).episodes()).isEqualTo(1);
        assertThat(m.impulse()).extracting(PricingMetrics.ImpulseStep::period).containsExactly(-1, 0, 1);
        assertThat(m.impulse().get(1).prices()).containsExactly(1.5, 1.8);
        assertThat(m.impulse().get(2).prices()).containsExactly(1.7, 1.6);
        assertThat(m.periods()).isNull();
    }

    @Test
    void agentDemandPeriodsGiveTheGainOverTheLastQuarterPerShopper() {
        // both firms at the monopoly price: 1.90, with sales in proportion to the logit shares
        PricingFold fold = fold(
                new ServiceEvent(Service.of("a", Map.of("w", 190L), Set.of(), 4.0, 1)),
                BENCHMARK,
                new PricingPeriodEvent(
                        0, List.of("a", "b"), List.of(150L, 150L), List.of(40L, 40L), List.of(2000L, 2000L)),
                new PricingPeriodEvent(
                        1, List.of("a", "b"), List.of(190L, 190L), List.of(30L, 30L), List.of(2700L, 2700L)));

        PricingMetrics m = fold.result(null);

        assertThat(m.demand()).isEqualTo("agents");
        assertThat(m.lastPeriods()).isEqualTo(1);
        assertThat(m.periods()).hasSize(2);
        assertThat(m.periods().get(1).prices()).containsExactly(1.9, 1.9);
        assertThat(m.priceGain().mean()).isEqualTo(1.0);
        assertThat(m.episodes()).isNull();
        assertThat(m.gain()).isNotNull();
    }

    @Test
    void aLogWithoutPricingHasNoBlock() {
        assertThat(fold(new ServiceEvent(Service.of("a", Map.of("w", 100L), Set.of(), 4.0, 1)))
                        .result(List.of()))
                .isNull();
    }
}

package org.mercato.sim.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.PricingEpisodeEvent;
import org.mercato.sim.events.PricingImpulseEvent;

/** Calvano's baseline at a larger beta (faster exploration decay): a scale the suite can afford. */
class BaselineEpisodeTest {
    static PricingGame calvano() {
        return PricingGame.of(LogitDemand.symmetric(2, 2, 1, 0, 0.25), 15, 0.1, 1);
    }

    @Test
    void qLearnersLearnSupraCompetitivePricesAndPunishADeviation() {
        PricerFactory q = QLearningPricer.factory(0.15, 2e-5, 0.95);
        PricingSetup setup = new PricingSetup(
                calvano(), List.of(q, q), new Convergence(20_000, 2_000_000), new Impulse(0, 10), 100_000, 6, 7);
        List<LoggedEvent> log = new ArrayList<>();
        long started = System.nanoTime();
        PricingRun.run(setup, 1, 0, 0, List.of(log::add));
        System.out.println((System.nanoTime() - started) / 1e9);
        List<PricingEpisodeEvent> episodes = log.stream()
                .map(LoggedEvent::event)
                .filter(PricingEpisodeEvent.class::isInstance)
                .map(PricingEpisodeEvent.class::cast)
                .toList();
        assertThat(episodes).hasSize(6);
        episodes.forEach(System.out::println);
        log.stream()
                .map(LoggedEvent::event)
                .filter(PricingImpulseEvent.class::isInstance)
                .forEach(System.out::println);
    }
}

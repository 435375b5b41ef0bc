package org.mercato.sim.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.PricingEpisodeEvent;
import org.mercato.sim.events.PricingImpulseEvent;

/**
 * Calvano's baseline (n = 2, a = 2, a0 = 0, mu = 0.25, c = 1, m = 15, xi = 0.1, k = 1, alpha =
 * 0.15, delta = 0.95) with beta = 4e-5 instead of 4e-6 and 20,000 stable periods instead of
 * 100,000: a scale the suite can afford that still shows the paper's qualitative result.
 */
class BaselineEpisodeTest {
    static PricingGame calvano() {
        return PricingGame.of(LogitDemand.symmetric(2, 2, 1, 0, 0.25), 15, 0.1, 1);
    }

    @Test
    void qLearnersLearnSupraCompetitivePricesAndPunishADeviation() {
        PricerFactory q = QLearningPricer.factory(0.15, 4e-5, 0.95);
        int episodes = 8;
        PricingSetup setup = new PricingSetup(
                calvano(), List.of(q, q), new Convergence(20_000, 2_000_000), new Impulse(0, 12), 100_000, episodes, 7);
        List<LoggedEvent> log = new ArrayList<>();
        PricingRun.run(setup, 2, 0, 0, List.of(log::add));
        List<PricingEpisodeEvent> ends = log.stream()
                .map(LoggedEvent::event)
                .filter(PricingEpisodeEvent.class::isInstance)
                .map(PricingEpisodeEvent.class::cast)
                .toList();
        assertThat(ends).hasSize(episodes).allMatch(PricingEpisodeEvent::converged);
        double gain =
                ends.stream().mapToDouble(PricingEpisodeEvent::gain).average().orElseThrow();
        assertThat(gain).isBetween(0.2, 1.0);

        List<PricingImpulseEvent> impulses = log.stream()
                .map(LoggedEvent::event)
                .filter(PricingImpulseEvent.class::isInstance)
                .map(PricingImpulseEvent.class::cast)
                .toList();
        assertThat(impulses).hasSize(episodes);
        double[] rival = new double[14];
        double[] deviator = new double[14];
        for (PricingImpulseEvent impulse : impulses) {
            for (int k = 0; k < 14; k++) {
                deviator[k] += impulse.prices().get(k).get(0) / episodes;
                rival[k] += impulse.prices().get(k).get(1) / episodes;
            }
        }
        // the shock lowers the deviator's price; the rival punishes in the next period
        assertThat(deviator[1]).isLessThan(deviator[0]);
        assertThat(rival[2]).isLessThan(rival[0] - 0.02);
        // and prices come back near where they were
        double late = (rival[11] + rival[12] + rival[13] + deviator[11] + deviator[12] + deviator[13]) / 6;
        assertThat(late).isBetween((rival[0] + deviator[0]) / 2 - 0.08, (rival[0] + deviator[0]) / 2 + 0.08);
    }
}

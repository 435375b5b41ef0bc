package org.mercato.sim.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mercato.sim.events.Event;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.PricingBenchmarkEvent;
import org.mercato.sim.events.PricingBlockEvent;
import org.mercato.sim.events.PricingEpisodeEvent;
import org.mercato.sim.events.PricingImpulseEvent;

class PricingDeterminismTest {
    static PricingSetup setup(int episodes, long seed) {
        PricerFactory q = QLearningPricer.factory(0.15, 2e-4, 0.95);
        return new PricingSetup(
                BaselineEpisodeTest.calvano(),
                List.of(q, q),
                new Convergence(2_000, 200_000),
                new Impulse(1, 5),
                5_000,
                episodes,
                seed);
    }

    static List<String> lines(PricingSetup setup, int threads) {
        List<String> lines = new ArrayList<>();
        PricingRun.run(setup, threads, 42, 10, List.of(event -> {
            StringBuilder out = new StringBuilder();
            event.writeJson(out);
            lines.add(out.toString());
        }));
        return lines;
    }

    @Test
    void theSameSeedGivesTheSameQTables() {
        LearningEpisode first = LearningEpisode.of(setup(1, 5), 0);
        LearningEpisode second = LearningEpisode.of(setup(1, 5), 0);
        first.run();
        second.run();
        for (int i = 0; i < 2; i++) {
            double[] a = ((QLearningPricer) first.policies().get(i)).table();
            double[] b = ((QLearningPricer) second.policies().get(i)).table();
            assertThat(a).containsExactly(b);
        }
        LearningEpisode other = LearningEpisode.of(setup(1, 6), 0);
        other.run();
        assertThat(((QLearningPricer) other.policies().get(0)).table())
                .isNotEqualTo(((QLearningPricer) first.policies().get(0)).table());
    }

    @Test
    void theLogIsTheSameForOneAndThreeThreads() {
        List<String> one = lines(setup(4, 11), 1);
        List<String> three = lines(setup(4, 11), 3);
        assertThat(three).isEqualTo(one);
        assertThat(one.get(0)).startsWith("{\"t\":42,\"seq\":10,\"type\":\"pricing_benchmark\"");
        assertThat(one)
                .filteredOn(line -> line.contains("\"type\":\"pricing_episode\""))
                .hasSize(4);
    }

    @Test
    void anEpisodesEventsDoNotDependOnHowManyEpisodesRun() {
        List<Event> three = events(setup(3, 21));
        List<Event> five = events(setup(5, 21));
        assertThat(five.subList(0, three.size())).isEqualTo(three);
        assertThat(five.size()).isGreaterThan(three.size());
        assertThat(three.get(0)).isInstanceOf(PricingBenchmarkEvent.class);
        assertThat(three.get(1)).isInstanceOf(PricingBlockEvent.class);
        assertThat(three.get(three.size() - 1)).isInstanceOf(PricingImpulseEvent.class);
        assertThat(three).filteredOn(PricingEpisodeEvent.class::isInstance).hasSize(3);
    }

    private static List<Event> events(PricingSetup setup) {
        List<Event> events = new ArrayList<>();
        PricingRun.run(setup, 2, 0, 0, List.of(logged -> events.add(logged.event())));
        return events;
    }

    @Test
    void episodesDrawFromTheirOwnStreams() {
        List<LoggedEvent> log = new ArrayList<>();
        PricingRun.run(setup(2, 3), 1, 0, 0, List.of(log::add));
        List<PricingEpisodeEvent> ends = log.stream()
                .map(LoggedEvent::event)
                .filter(PricingEpisodeEvent.class::isInstance)
                .map(PricingEpisodeEvent.class::cast)
                .toList();
        assertThat(ends.get(0).periods()).isNotEqualTo(ends.get(1).periods());
    }
}

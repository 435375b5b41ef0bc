package org.mercato.agents.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.llm.CacheMode;
import org.mercato.agents.llm.LlmClient;
import org.mercato.agents.llm.ResponseCache;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.PricingEpisodeEvent;
import org.mercato.sim.pricing.Convergence;
import org.mercato.sim.pricing.PricerFactory;
import org.mercato.sim.pricing.PricingRun;
import org.mercato.sim.pricing.PricingSetup;

/** Two LLM pricers playing Calvano's game in the pricing engine, recorded and replayed. */
class LlmPricingRunTest {
    private static final int PERIODS = 5;

    @TempDir
    Path folder;

    private static List<LoggedEvent> run(LlmClient client) {
        PricerFactory llm = LlmPricer.factory(client, 3);
        PricingSetup setup =
                new PricingSetup(LlmPricerTest.GAME, List.of(llm, llm), new Convergence(PERIODS, 100), null, 100, 1, 7);
        List<LoggedEvent> events = new ArrayList<>();
        EventSink sink = events::add;
        PricingRun.run(setup, 1, 0, 0, List.of(sink));
        return events;
    }

    /** The lowest allowed price without market data, then the highest. */
    static String lowThenTop(String prompt) {
        String range = prompt.substring(prompt.indexOf("any price from ") + "any price from ".length());
        if (prompt.contains("no market data")) {
            return range.substring(0, range.indexOf(' '));
        }
        String rest = range.substring(range.indexOf(" to ") + 4);
        return rest.substring(0, rest.indexOf(".\n"));
    }

    @Test
    void llmPricersClimbToTheTopOfTheGridAndAReplayedRunWritesTheSameLogWithoutTheModel() throws IOException {
        try (ScriptedPriceModel model = new ScriptedPriceModel(LlmPricingRunTest::lowThenTop)) {
            List<LoggedEvent> recorded = run(model.client(new ResponseCache(folder, 1_000), CacheMode.RECORD));
            int calls = model.bodies.size();

            PricingEpisodeEvent episode = recorded.stream()
                    .map(LoggedEvent::event)
                    .filter(PricingEpisodeEvent.class::isInstance)
                    .map(PricingEpisodeEvent.class::cast)
                    .findFirst()
                    .orElseThrow();
            // a non-learner never changes its greedy strategy: the episode "converges" after PERIODS
            assertThat(episode.converged()).isTrue();
            assertThat(episode.periods()).isEqualTo(PERIODS);
            double top = LlmPricerTest.GAME.grid(0).price(14);
            assertThat(episode.prices()).allSatisfy(p -> assertThat(p).isCloseTo(top, Offset.offset(1e-6)));
            assertThat(model.prompt(0)).contains("There is no market data yet.");
            // symmetric firms see the same prompt each period: one recorded answer serves both
            assertThat(calls).isGreaterThanOrEqualTo(PERIODS);
            // the last request of firm 0 shows its three last rounds
            assertThat(model.bodies).anyMatch(b -> b.contains("Market data (the last 3 rounds, oldest first)"));

            List<LoggedEvent> replayed = run(model.client(new ResponseCache(folder, 1_000), CacheMode.REPLAY_STRICT));
            assertThat(replayed).isEqualTo(recorded);
            assertThat(model.bodies).as("no call on replay").hasSize(calls);
        }
    }
}

package org.mercato.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.agents.ReturningPizzaMarket;
import org.mercato.agents.transcript.TranscriptGroup;
import org.mercato.agents.transcript.TranscriptRecorder;
import org.mercato.sim.KernelSettings;
import org.mercato.sim.Simulation;
import org.mercato.sim.SimulationSetup;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.DeliveryEvent;
import org.mercato.sim.events.EventReader;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.ReviewEvent;
import org.mercato.sim.events.ReviewTextEvent;
import org.mercato.sim.kernel.KernelListener;
import org.mercato.sim.kernel.ThinkTime;
import org.mercato.sim.market.dynamics.Aggregation;
import org.mercato.sim.market.dynamics.MarketDynamics;
import org.mercato.sim.market.dynamics.Reviews;
import org.mercato.sim.market.dynamics.ServiceQuality;
import org.mercato.sim.policy.AssistantPolicy;

/**
 * LLM shoppers writing the text of their reviews ({@code reviews.text}), against a model on
 * loopback: each reviewed order gets one more model turn whose answer is the {@code review_text}
 * event's text, with the stars of its {@code review} event; without the switch no such turn is
 * taken; a recorded run replays byte for byte without the model.
 */
class LlmReviewTextMarketTest {
    private static final long HOUR = 3_600_000_000L;
    private static final int CUSTOMERS = 4;

    @TempDir
    Path folder;

    private static Catalog catalog() {
        List<Service> services = List.of(
                Service.of("s0", Map.of("pizza", 1_000L), Set.of(), 4.5, 10),
                Service.of("s1", Map.of("pizza", 1_100L), Set.of(), 4.0, 10));
        return new Catalog(services, ReturningPizzaMarket.shoppers(CUSTOMERS));
    }

    private static List<LoggedEvent> run(LlmAgentSettings settings, boolean text) {
        KernelSettings kernel = new KernelSettings(5, 10_000, 3 * HOUR, 1, KernelSettings.Mode.BARE);
        List<SimulationSetup.Agent<AssistantPolicy>> assistants = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            assistants.add(new SimulationSetup.Agent<>(new LlmAssistantPolicy(settings), ThinkTime.fixed(1_000_000)));
        }
        // every delivered order is reviewed; s0 delivers at quality 0.3, so its stars vary with the noise
        Reviews reviews = new Reviews(1.0, 1.0, new Aggregation.Mean(), null, null, List.of(), text);
        MarketDynamics dynamics = new MarketDynamics(
                new long[] {0, 20_000_000, 40_000_000, 60_000_000},
                HOUR,
                kernel.horizon(),
                null,
                60_000_000,
                ServiceQuality.constant(1.0, Map.of(0, 0.3)),
                reviews,
                null,
                null);
        SimulationSetup setup = ReturningPizzaMarket.setup(catalog(), assistants, 500_000, kernel, dynamics);
        List<LoggedEvent> events = new ArrayList<>();
        Simulation.run(setup, List.of(events::add), KernelListener.NONE);
        return events;
    }

    private static String json(List<LoggedEvent> events) {
        StringBuilder log = new StringBuilder();
        events.forEach(e -> {
            e.writeJson(log);
            log.append('\n');
        });
        return log.toString();
    }

    private static <E> List<E> of(List<LoggedEvent> events, Class<E> type) {
        return events.stream()
                .map(LoggedEvent::event)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    @Test
    void eachReviewedOrderGetsTheModelsTextWithTheReviewsStars() throws IOException {
        try (ScriptedShopperModel model = new ScriptedShopperModel()) {
            List<LoggedEvent> events = run(model.settings(false), true);

            List<ReviewEvent> reviews = of(events, ReviewEvent.class);
            List<ReviewTextEvent> texts = of(events, ReviewTextEvent.class);
            assertThat(reviews).hasSize(CUSTOMERS);
            Map<String, Integer> stars = new TreeMap<>();
            reviews.forEach(r -> stars.put(r.proposal(), r.stars()));
            assertThat(texts).hasSize(CUSTOMERS);
            for (ReviewTextEvent text : texts) {
                assertThat(text.stars()).isEqualTo(stars.get(text.proposal()));
                assertThat(text.text())
                        .isEqualTo(ScriptedShopperModel.reviewText("gives it " + text.stars() + " of 5 stars"));
            }
            assertThat(texts.stream().map(ReviewTextEvent::customer).sorted()).containsExactly("c0", "c1", "c2", "c3");
            // the review's prompt names the order, its quality and the drawn stars
            ReviewTextEvent first = texts.get(0);
            assertThat(model.bodies)
                    .anyMatch(b -> b.contains("Order " + first.proposal() + " from " + first.service()
                                    + " was delivered at quality 0.30")
                            && b.contains("gives it " + first.stars() + " of 5 stars"));
            // read back from the log as written
            String log = json(events);
            assertThat(log.lines()
                            .map(EventReader::parse)
                            .map(LoggedEvent::event)
                            .filter(ReviewTextEvent.class::isInstance)
                            .toList())
                    .isEqualTo(texts);
        }
    }

    @Test
    void withoutTheSwitchNoReviewIsWrittenAndNoModelCallIsMade() throws IOException {
        try (ScriptedShopperModel withText = new ScriptedShopperModel();
                ScriptedShopperModel withoutText = new ScriptedShopperModel()) {
            List<LoggedEvent> on = run(withText.settings(false), true);
            List<LoggedEvent> off = run(withoutText.settings(false), false);

            assertThat(of(off, ReviewEvent.class)).hasSize(CUSTOMERS);
            assertThat(of(off, ReviewTextEvent.class)).isEmpty();
            assertThat(withText.bodies).hasSize(withoutText.bodies.size() + CUSTOMERS);
            assertThat(withoutText.bodies).noneMatch(b -> b.contains("shopping assistant of customer"));
            // apart from the texts (and the seq numbers after them), the two logs tell the same market
            List<String> onTypes = on.stream()
                    .filter(e -> !(e.event() instanceof ReviewTextEvent))
                    .map(e -> e.t() + " " + e.event())
                    .toList();
            assertThat(onTypes)
                    .isEqualTo(off.stream().map(e -> e.t() + " " + e.event()).toList());
        }
    }

    @Test
    void aRecordedRunReplaysByteForByteWithoutTheModel() throws IOException {
        try (ScriptedShopperModel model = new ScriptedShopperModel()) {
            ResponseCache recording = new ResponseCache(folder, 1_000);
            String recorded = json(run(model.settings(false, recording, CacheMode.RECORD), true));
            int calls = model.bodies.size();

            ResponseCache replaying = new ResponseCache(folder, 1_000);
            String replayed = json(run(model.settings(false, replaying, CacheMode.REPLAY_STRICT), true));

            assertThat(recorded).contains("\"type\":\"review_text\"");
            assertThat(replayed).isEqualTo(recorded);
            assertThat(model.bodies).hasSize(calls);
        }
    }

    @Test
    void reviewTurnsAreTranscribedWithTheirOwnRoleAfterTheDeliveryBehindThem() throws IOException {
        try (ScriptedShopperModel model = new ScriptedShopperModel()) {
            LlmAgentSettings settings = model.settings(false);
            TranscriptRecorder transcripts = new TranscriptRecorder();
            settings.client()
                    .transcribeTo(new TranscriptGroup(transcripts, "assistant", 0, "llm-assistant", null, null));
            List<LoggedEvent> events = run(settings, true);

            Map<Long, LoggedEvent> bySeq = new TreeMap<>();
            events.forEach(e -> bySeq.put(e.seq(), e));
            List<JsonNode> reviews = new ArrayList<>();
            for (String line : transcripts.lines()) {
                JsonNode turn = LoopbackChatServer.JSON.readTree(line);
                if (turn.path("role").asText().equals("review")) {
                    reviews.add(turn);
                } else {
                    assertThat(turn.path("role").asText()).isEqualTo("assistant");
                }
            }
            assertThat(transcripts.size()).isEqualTo(model.bodies.size());
            assertThat(reviews).hasSize(CUSTOMERS);
            for (JsonNode review : reviews) {
                assertThat(review.path("tools").toString()).isEqualTo("[\"review\"]");
                assertThat(review.get("cost").isNull()).isTrue(); // no price given
                LoggedEvent behind = bySeq.get(review.path("seq").asLong());
                // the turn is on the delivery of this customer's order
                assertThat(behind.event()).isInstanceOf(DeliveryEvent.class);
                assertThat(((DeliveryEvent) behind.event()).customer())
                        .isEqualTo(review.path("agent").asText());
                assertThat(review.path("t").asLong()).isEqualTo(behind.t());
            }
        }
    }
}

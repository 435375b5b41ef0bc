package org.mercato.metrics.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mercato.metrics.MarketMetrics;
import org.mercato.metrics.MetricsCollector;
import org.mercato.metrics.MetricsSettings;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.CustomerEvent;
import org.mercato.sim.events.DoneEvent;
import org.mercato.sim.events.Event;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.PaymentEvent;
import org.mercato.sim.events.ProposalEvent;
import org.mercato.sim.events.RejectionEvent;
import org.mercato.sim.events.ServiceEvent;
import org.mercato.sim.protocol.Proposal;

/**
 * The metrics actor folds batches exactly like the folds over the whole stream, and {@link
 * LiveMetrics} cuts the stream at the window ends the kernel reports.
 */
@ExtendWith(TestKitJUnit5Extension.class)
class MetricsActorTest {
    @JUnit5TestKit
    public ActorTestKit testKit = new JUnit5TestKitBuilder().build();

    private static final MetricsSettings SETTINGS = MetricsSettings.withBaselines(7);

    /** 40 customers and 6 services (two with a tactic); every customer pays one of them. */
    static List<LoggedEvent> market() {
        List<Event> events = new ArrayList<>();
        for (int c = 0; c < 40; c++) {
            events.add(new CustomerEvent(new Customer(
                    "c" + c,
                    null,
                    null,
                    new TreeMap<>(Map.of("Tacos", 1 + c % 3)),
                    new TreeMap<>(Map.of("Tacos", 1000L)),
                    new TreeSet<>(c % 4 == 0 ? Set.of("patio") : Set.of()),
                    100_000)));
        }
        for (int s = 0; s < 6; s++) {
            Service service =
                    Service.of("s" + s, Map.of("Tacos", 600L + 90 * s), s % 2 == 0 ? Set.of("patio") : Set.of(), 4, 10);
            events.add(new ServiceEvent(s >= 4 ? service.withTactic("authority") : service));
        }
        for (int c = 0; c < 40; c++) {
            int s = (c * 7) % 6;
            int tacos = 1 + c % 3;
            long price = 600L + 90 * s;
            Proposal proposal = new Proposal(
                    "p" + c,
                    "s" + s,
                    "c" + c,
                    List.of(new OrderLine("Tacos", tacos, price)),
                    tacos * price,
                    c,
                    c + 1000);
            events.add(new ProposalEvent(proposal));
            if (c % 5 != 0) {
                events.add(new PaymentEvent("p" + c, "c" + c, "s" + s, tacos * price));
            }
            events.add(new DoneEvent("c" + c, "done"));
        }
        List<LoggedEvent> logged = new ArrayList<>();
        for (Event event : events) {
            logged.add(new LoggedEvent(logged.size() * 10L, logged.size(), event));
        }
        return logged;
    }

    private static MarketMetrics direct(List<LoggedEvent> events) {
        MetricsCollector folds = new MetricsCollector(SETTINGS);
        events.forEach(folds::accept);
        return folds.metrics();
    }

    @Test
    void batchesFoldToTheSameMetricsAsTheWholeStream() {
        List<LoggedEvent> events = market();
        ActorRef<MetricsActor.Command> actor = testKit.spawn(MetricsActor.create(SETTINGS));
        TestProbe<StatusReply<MarketMetrics>> probe = testKit.createTestProbe();
        for (int from = 0; from < events.size(); from += 17) {
            actor.tell(new MetricsActor.Events(events.subList(from, Math.min(events.size(), from + 17))));
        }
        actor.tell(new MetricsActor.Summarize(probe.ref()));

        StatusReply<MarketMetrics> reply = probe.receiveMessage(Duration.ofSeconds(10));
        assertThat(reply.isSuccess()).isTrue();
        MarketMetrics live = reply.getValue();
        assertThat(live).isEqualTo(direct(events));
        assertThat(live.customers()).isEqualTo(40);
        assertThat(live.payments().count()).isEqualTo(32);
        assertThat(live.welfare().baselines()).isNotNull();
        assertThat(live.welfare().baselines().optimal())
                .isEqualByComparingTo(live.welfare().optimal());
        assertThat(live.manipulation()).isNotNull();
        assertThat(live.manipulation().tacticServices()).isEqualTo(2);
    }

    @Test
    void aSummaryCoversOnlyWhatArrivedBeforeIt() {
        List<LoggedEvent> events = market();
        ActorRef<MetricsActor.Command> actor = testKit.spawn(MetricsActor.create(SETTINGS));
        TestProbe<StatusReply<MarketMetrics>> probe = testKit.createTestProbe();
        actor.tell(new MetricsActor.Events(events.subList(0, 46)));
        actor.tell(new MetricsActor.Summarize(probe.ref()));
        actor.tell(new MetricsActor.Events(events.subList(46, events.size())));
        actor.tell(new MetricsActor.Summarize(probe.ref()));

        assertThat(probe.receiveMessage().getValue()).isEqualTo(direct(events.subList(0, 46)));
        assertThat(probe.receiveMessage().getValue()).isEqualTo(direct(events));
    }

    @Test
    void aFailedFoldMakesEverySummaryAnError() {
        ActorRef<MetricsActor.Command> actor = testKit.spawn(MetricsActor.create(SETTINGS));
        TestProbe<StatusReply<MarketMetrics>> probe = testKit.createTestProbe();
        actor.tell(
                new MetricsActor.Events(List.of(new LoggedEvent(0, 0, new RejectionEvent("c1", "pay", "p1", null)))));
        actor.tell(new MetricsActor.Events(market()));
        actor.tell(new MetricsActor.Summarize(probe.ref()));

        StatusReply<MarketMetrics> reply = probe.receiveMessage();
        assertThat(reply.isError()).isTrue();
        assertThat(reply.getError().getMessage()).contains("a metric fold failed");
    }

    @Test
    void theSinkCutsBatchesAtWindowEndsAndMergesSmallWindows() {
        List<LoggedEvent> events = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            events.add(new LoggedEvent(i, i, new DoneEvent("c" + i, "x")));
        }
        TestProbe<MetricsActor.Command> probe = testKit.createTestProbe();
        LiveMetrics live = LiveMetrics.feeding(probe.ref(), testKit.system());
        // windows end after 100, 300, 700 and 1000 events, as the kernel reports them
        long[] ends = {100, 300, 700, 1000};
        int next = 0;
        for (long end : ends) {
            for (; next < end; next++) {
                live.accept(events.get(next));
            }
            live.windowDone(next, end);
        }
        live.close();

        // 100 events are fewer than a batch's minimum: the first two windows go together
        assertThat(((MetricsActor.Events) probe.receiveMessage()).events()).isEqualTo(events.subList(0, 300));
        assertThat(((MetricsActor.Events) probe.receiveMessage()).events()).isEqualTo(events.subList(300, 700));
        probe.expectNoMessage(Duration.ofMillis(100));
        assertThat(live.batches()).isEqualTo(2);
    }

    @Test
    void theSinkFeedsARealActorAndTheSummaryIncludesTheLastBatch() {
        List<LoggedEvent> events = market();
        LiveMetrics live = LiveMetrics.feeding(testKit.spawn(MetricsActor.create(SETTINGS)), testKit.system());
        events.forEach(live::accept);
        assertThat(live.batches()).isZero();

        assertThat(live.metrics()).isEqualTo(direct(events));
        assertThat(live.batches()).isEqualTo(1);
    }

    @Test
    void aFailedFoldFailsTheLiveSummary() {
        LiveMetrics live = LiveMetrics.feeding(testKit.spawn(MetricsActor.create(SETTINGS)), testKit.system());
        live.accept(new LoggedEvent(0, 0, new RejectionEvent("c1", "pay", "p1", null)));
        assertThatThrownBy(live::metrics)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("live metrics failed");
    }

    @Test
    void startAndCloseItsOwnSystem() {
        try (LiveMetrics live = LiveMetrics.start(SETTINGS)) {
            market().forEach(live::accept);
            assertThat(live.metrics()).isEqualTo(direct(market()));
        }
    }
}

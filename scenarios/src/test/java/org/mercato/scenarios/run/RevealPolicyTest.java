package org.mercato.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mercato.agents.PolicyRegistry;
import org.mercato.scenarios.load.ScenarioLoader;
import org.mercato.scenarios.model.Scenario;
import org.mercato.sim.Simulation;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.MessageEvent;
import org.mercato.sim.events.PaymentEvent;
import org.mercato.sim.events.ProposalEvent;
import org.mercato.sim.events.RevealEvent;
import org.mercato.sim.kernel.KernelListener;

/**
 * The first-proposal bias under each reveal policy, on {@code speed-vs-satisficer.yaml}: one
 * satisficing customer, three identical services answering after about 100ms, 1s and 5s. Each
 * policy runs {@value #SEEDS} seeds in-process in the bare loop (a few milliseconds a run).
 */
class RevealPolicyTest {
    static final int SEEDS = 200;

    static Scenario speedVsSatisficer(String... overrides) {
        List<String> sets = new ArrayList<>(List.of("kernel.mode=bare"));
        sets.addAll(List.of(overrides));
        return ScenarioLoader.load(Path.of("speed-vs-satisficer.yaml"), sets);
    }

    static Scenario withSeed(Scenario scenario, long seed) {
        return new Scenario(
                scenario.name(), scenario.description(), seed, scenario.kernel(), scenario.market(), scenario.agents());
    }

    static List<LoggedEvent> run(Scenario scenario) {
        List<LoggedEvent> events = new ArrayList<>();
        Simulation.run(
                WiredRun.setup(scenario, RunEnvironment.of(PolicyRegistry.builtIn())),
                List.of(events::add),
                KernelListener.NONE);
        return events;
    }

    static <E> List<E> of(List<LoggedEvent> events, Class<E> type) {
        return events.stream()
                .map(LoggedEvent::event)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    static long timeOf(List<LoggedEvent> events, Class<?> type) {
        return events.stream()
                .filter(e -> type.isInstance(e.event()))
                .findFirst()
                .orElseThrow()
                .t();
    }

    /** Which service each seed's single payment went to, counted. */
    static Map<String, Integer> paymentsBySeed(Scenario scenario) {
        Map<String, Integer> paidTo = new TreeMap<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            List<PaymentEvent> payments = of(run(withSeed(scenario, seed)), PaymentEvent.class);
            assertThat(payments).as("seed %d", seed).hasSize(1);
            paidTo.merge(payments.get(0).service(), 1, Integer::sum);
        }
        return paidTo;
    }

    @Test
    void immediatelyTheSatisficerPaysTheFastestServiceEveryTime() {
        Map<String, Integer> paidTo = paymentsBySeed(speedVsSatisficer());
        assertThat(paidTo).containsExactly(Map.entry("fast", SEEDS));
    }

    /**
     * With a 10s window (from the first proposal at about 0.15s, so it holds all three, the last at
     * about 5.05s) the three are revealed together in a seeded random order and the satisficer
     * pays the first: each service about a third of the time. For 200 runs with p = 1/3 the count
     * for the fastest has mean 66.7 and sd 6.7; [0.2, 0.47] of 200 is [40, 94], four sd either
     * way, so a correct implementation fails it for about 1 seed set in 15,000 and the test is
     * deterministic for this one. The immediate policy's 200 of 200 is far outside.
     */
    @Test
    void batchedInAWindowHoldingAllThreeTheFastestWinsAboutAThird() {
        Scenario batched = speedVsSatisficer("market.reveal.policy=batched", "market.reveal.window=10s");
        Map<String, Integer> paidTo = paymentsBySeed(batched);

        assertThat(paidTo.keySet()).containsExactly("fast", "medium", "slow");
        assertThat(paidTo.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(SEEDS);
        double fastShare = paidTo.get("fast") / (double) SEEDS;
        assertThat(fastShare).isBetween(0.2, 0.47);
        assertThat(paidTo.get("medium") / (double) SEEDS).isBetween(0.2, 0.47);
        assertThat(paidTo.get("slow") / (double) SEEDS).isBetween(0.2, 0.47);

        // one run in detail: every proposal is logged when made and revealed together 10s after the first
        List<LoggedEvent> events = run(withSeed(batched, 1));
        List<LoggedEvent> proposals =
                events.stream().filter(e -> e.event() instanceof ProposalEvent).toList();
        List<LoggedEvent> reveals =
                events.stream().filter(e -> e.event() instanceof RevealEvent).toList();
        assertThat(proposals).hasSize(3);
        assertThat(proposals.get(2).t()).isGreaterThan(5_000_000);
        assertThat(reveals)
                .hasSize(3)
                .allSatisfy(r -> assertThat(r.t()).isEqualTo(proposals.get(0).t() + 10_000_000));
        assertThat(timeOf(events, PaymentEvent.class))
                .isGreaterThan(reveals.get(0).t());
        String firstRevealed = ((RevealEvent) reveals.get(0).event()).service();
        assertThat(of(events, PaymentEvent.class).get(0).service()).isEqualTo(firstRevealed);
    }

    @Test
    void aWindowThatClosesBeforeTheSecondProposalKeepsTheBias() {
        Map<String, Integer> paidTo =
                paymentsBySeed(speedVsSatisficer("market.reveal.policy=batched", "market.reveal.window=500ms"));
        assertThat(paidTo).containsExactly(Map.entry("fast", SEEDS));
    }

    /**
     * Min-wait 6s: all three proposals are held until 6s after the first inquiry, then revealed
     * together in the order made, so the satisficer still pays the fastest, only later.
     */
    @Test
    void minWaitDelaysEveryRevealButKeepsArrivalOrder() {
        Scenario minWait = speedVsSatisficer("market.reveal.policy=min-wait", "market.reveal.minWait=6s");
        assertThat(paymentsBySeed(minWait)).containsExactly(Map.entry("fast", SEEDS));

        List<LoggedEvent> events = run(withSeed(minWait, 3));
        long firstInquiry = timeOf(events, MessageEvent.class);
        List<LoggedEvent> reveals =
                events.stream().filter(e -> e.event() instanceof RevealEvent).toList();
        assertThat(reveals)
                .extracting(e -> ((RevealEvent) e.event()).service())
                .containsExactly("fast", "medium", "slow");
        assertThat(reveals).allSatisfy(r -> assertThat(r.t()).isEqualTo(firstInquiry + 6_000_000));
        assertThat(timeOf(events, PaymentEvent.class)).isGreaterThan(firstInquiry + 6_000_000);
    }

    /** A rational shopper waits for all three: with min-wait 2s the slow one is revealed when made. */
    @Test
    void afterTheMinimumWaitLaterProposalsAreRevealedWhenMade() {
        Scenario minWait = speedVsSatisficer(
                "market.reveal.policy=min-wait", "market.reveal.minWait=2s", "agents.assistants[0].policy=rational");
        List<LoggedEvent> events = run(minWait);
        long firstInquiry = timeOf(events, MessageEvent.class);
        Map<String, Long> proposedAt = new TreeMap<>();
        for (LoggedEvent e : events) {
            if (e.event() instanceof ProposalEvent p) {
                proposedAt.put(p.proposal().service(), e.t());
            }
        }
        Map<String, Long> revealedAt = new TreeMap<>();
        for (LoggedEvent e : events) {
            if (e.event() instanceof RevealEvent r) {
                revealedAt.put(r.service(), e.t());
            }
        }
        assertThat(proposedAt.get("fast")).isLessThan(firstInquiry + 2_000_000);
        assertThat(revealedAt)
                .containsEntry("fast", firstInquiry + 2_000_000)
                .containsEntry("medium", firstInquiry + 2_000_000)
                .containsEntry("slow", proposedAt.get("slow"));
        assertThat(of(events, PaymentEvent.class))
                .singleElement()
                .extracting(PaymentEvent::service)
                .isEqualTo("fast");
    }
}

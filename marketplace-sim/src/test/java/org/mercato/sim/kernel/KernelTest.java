package org.mercato.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mercato.sim.KernelSettings;
import org.mercato.sim.KernelSettings.Mode;
import org.mercato.sim.SimulationSetup;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.events.DoneEvent;
import org.mercato.sim.events.Event;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.MessageEvent;
import org.mercato.sim.events.PaymentEvent;
import org.mercato.sim.events.ProposalEvent;
import org.mercato.sim.events.SearchEvent;
import org.mercato.sim.events.WaitEvent;
import org.mercato.sim.events.WakeEvent;
import org.mercato.sim.market.AgentDirectory;
import org.mercato.sim.market.Market;
import org.mercato.sim.market.RevealSettings;
import org.mercato.sim.market.SearchSettings;
import org.mercato.sim.market.presentation.PresentationSettings;
import org.mercato.sim.market.search.SimpleSearch;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.policy.ServicePolicy;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.AssistantStarted;
import org.mercato.sim.protocol.Done;
import org.mercato.sim.protocol.Message;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.Pay;
import org.mercato.sim.protocol.PaymentSettled;
import org.mercato.sim.protocol.ProposalReceived;
import org.mercato.sim.protocol.Propose;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.protocol.SearchResults;
import org.mercato.sim.protocol.ServiceAction;
import org.mercato.sim.protocol.ServiceStarted;
import org.mercato.sim.protocol.Wait;
import org.mercato.sim.protocol.WokenUp;

/** Whole runs through {@code Simulation.run} with hand-written policies, in both kernel modes. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KernelTest {
    private static final ServicePolicy IDLE_SERVICE = (observation, context) -> List.of();

    private static List<Event> events(Sims.Outcome outcome) {
        return outcome.events().stream().map(LoggedEvent::event).toList();
    }

    private static <E extends Event> List<LoggedEvent> logged(Sims.Outcome outcome, Class<E> type) {
        return outcome.events().stream().filter(e -> type.isInstance(e.event())).toList();
    }

    // ------------------------------------------------------------------ (a) log order

    /** A busy little market: everyone searches, writes, gets proposals, pays some and waits. */
    private static SimulationSetup busyMarket(Mode mode) {
        Catalog catalog = Sims.catalog(4, 3);
        AssistantPolicy shopper = (observation, context) -> {
            if (observation instanceof AssistantStarted) {
                return List.of(
                        new Search("pizza"),
                        Message.inquiry("s" + context.random().nextInt(3), "hi", Map.of()));
            } else if (observation instanceof ProposalReceived p) {
                return context.random().nextBoolean()
                        ? List.of(new Pay(p.proposal().id(), p.proposal().total()))
                        : List.of(new Wait(context.now() + 3_000));
            } else if (observation instanceof PaymentSettled && context.now() < 300_000) {
                return List.of(new Wait(context.now() + context.random().nextInt(10_000)));
            } else if (observation instanceof WokenUp && context.now() < 300_000) {
                return List.of(Message.inquiry("s" + context.random().nextInt(3), "again", Map.of()));
            }
            return List.of();
        };
        ServicePolicy seller = (observation, context) -> {
            if (observation instanceof MessageReceived m) {
                int qty = 1 + context.random().nextInt(3);
                return List.of(new Propose(
                        m.from(), List.of(new OrderLine("pizza", qty, 1200)), 1200L * qty, context.now() + 20_000));
            }
            return List.of();
        };
        return Sims.setup(
                catalog,
                Sims.all(4, shopper, new ThinkTime.Uniform(500, 4_000)),
                Sims.all(3, seller, new ThinkTime.LogNormal(200, 1_000, 0.8)),
                Sims.settings(mode, 700, 1_000_000));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void eventsAreInTimeOrderAndSeqCountsFromZero(Mode mode) {
        Sims.Outcome outcome = Sims.run(busyMarket(mode));

        List<LoggedEvent> events = outcome.events();
        assertThat(events).hasSizeGreaterThan(100);
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).seq()).isEqualTo(i);
            if (i > 0) {
                assertThat(events.get(i).t())
                        .isGreaterThanOrEqualTo(events.get(i - 1).t());
            }
        }
        assertThat(logged(outcome, PaymentEvent.class)).isNotEmpty();
        assertThat(outcome.stats().events()).isEqualTo(events.size());
        assertThat(outcome.stats().cutAtHorizon()).isZero();
        assertThat(outcome.stats().virtualTime())
                .isEqualTo(events.get(events.size() - 1).t());
        assertThat(outcome.stats().windows()).isPositive();
    }

    @Test
    void bothModesProduceTheSameEvents() {
        assertThat(Sims.run(busyMarket(Mode.ACTORS)).events())
                .isEqualTo(Sims.run(busyMarket(Mode.BARE)).events());
    }

    // ------------------------------------------------------------------ (b) same-time order

    @ParameterizedTest
    @EnumSource(Mode.class)
    void sameTimeActionsApplyInAgentOrderThenEmissionOrder(Mode mode) {
        Catalog catalog = Sims.catalog(3, 1);
        // Agent 0 is the slowest to compute (in wall time) so that, with actors, it finishes last.
        AssistantPolicy writer = (observation, context) -> {
            if (!(observation instanceof AssistantStarted)) {
                return List.of();
            }
            if (context.self().equals("c0")) {
                sleep(50);
            } else if (context.self().equals("c1")) {
                sleep(20);
            }
            List<AssistantAction> out = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                out.add(Message.inquiry("s0", context.self() + "#" + k, Map.of()));
            }
            return out;
        };
        ServicePolicy waiter =
                (observation, context) -> observation instanceof ServiceStarted ? List.of(new Wait(0)) : List.of();
        Sims.Outcome outcome = Sims.run(Sims.setup(
                catalog,
                Sims.all(3, writer, ThinkTime.fixed(5_000)),
                Sims.all(1, waiter, ThinkTime.fixed(5_000)),
                Sims.settings(mode, 1_000, 1_000_000)));

        List<LoggedEvent> atSix =
                outcome.events().stream().filter(e -> e.t() == 6_000).toList();
        List<String> order = new ArrayList<>();
        for (LoggedEvent e : atSix) {
            if (e.event() instanceof MessageEvent m) {
                order.add(m.text());
            } else if (e.event() instanceof WaitEvent w) {
                order.add("wait:" + w.agent());
            } else if (e.event() instanceof WakeEvent w) {
                order.add("wake:" + w.agent());
            }
        }
        assertThat(order)
                .containsExactly(
                        "c0#0", "c0#1", "c0#2", "c1#0", "c1#1", "c1#2", "c2#0", "c2#1", "c2#2", "wait:s0", "wake:s0");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ (c) effective times

    @ParameterizedTest
    @EnumSource(Mode.class)
    void actionsTakeEffectAfterNetworkDelayPlusThinkTime(Mode mode) {
        Catalog catalog = Sims.catalog(1, 1);
        List<Long> seenNow = Collections.synchronizedList(new ArrayList<>());
        AssistantPolicy buyer = (observation, context) -> {
            seenNow.add(context.now());
            if (observation instanceof AssistantStarted) {
                return List.of(Message.inquiry("s0", "one pizza", Map.of("pizza", 1)));
            } else if (observation instanceof ProposalReceived p) {
                return List.of(new Pay(p.proposal().id(), p.proposal().total()));
            } else if (observation instanceof PaymentSettled) {
                return List.of(new Wait(50_000));
            } else if (observation instanceof WokenUp) {
                return List.of(new Done("fed"));
            }
            return List.of();
        };
        ServicePolicy seller = (observation, context) -> observation instanceof MessageReceived m
                ? List.of(new Propose(m.from(), List.of(new OrderLine("pizza", 1, 1200)), 1200, 100_000))
                : List.of();
        Sims.Outcome outcome = Sims.run(Sims.setup(
                catalog,
                Sims.all(1, buyer, ThinkTime.fixed(7_000)),
                Sims.all(1, seller, ThinkTime.fixed(3_000)),
                Sims.settings(mode, 1_000, Long.MAX_VALUE)));

        // start at 0; c0 writes at 0+1000+7000; s0 proposes at 8000+1000+3000; c0 pays at 12000+8000;
        // c0 waits at 20000+8000 until 50000; woken at 50000; done at 50000+8000.
        assertThat(logged(outcome, MessageEvent.class))
                .extracting(LoggedEvent::t)
                .containsExactly(8_000L);
        assertThat(logged(outcome, ProposalEvent.class))
                .extracting(LoggedEvent::t)
                .containsExactly(12_000L);
        assertThat(logged(outcome, PaymentEvent.class))
                .extracting(LoggedEvent::t)
                .containsExactly(20_000L);
        assertThat(logged(outcome, WaitEvent.class)).extracting(LoggedEvent::t).containsExactly(28_000L);
        assertThat(logged(outcome, WaitEvent.class))
                .extracting(e -> ((WaitEvent) e.event()).until())
                .containsExactly(50_000L);
        assertThat(logged(outcome, WakeEvent.class)).extracting(LoggedEvent::t).containsExactly(50_000L);
        assertThat(logged(outcome, DoneEvent.class)).extracting(LoggedEvent::t).containsExactly(58_000L);
        assertThat(seenNow).containsExactly(0L, 12_000L, 20_000L, 50_000L);
        assertThat(outcome.stats().virtualTime()).isEqualTo(58_000L);
        assertThat(outcome.stats().cutAtHorizon()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void sampledThinkTimesStayWithinTheirModelAndVary(Mode mode) {
        Catalog catalog = Sims.catalog(2, 1);
        AssistantPolicy searcher = (observation, context) -> {
            if (observation instanceof AssistantStarted) {
                return List.of(new Search("x"));
            } else if (observation instanceof SearchResults r && context.now() < 2_000_000) {
                return List.of(new Search("x"));
            }
            return List.of();
        };
        Sims.Outcome outcome = Sims.run(Sims.setup(
                catalog,
                Sims.all(2, searcher, new ThinkTime.Uniform(2_000, 9_000)),
                Sims.all(1, IDLE_SERVICE, ThinkTime.fixed(1)),
                Sims.settings(mode, 500, Long.MAX_VALUE)));

        for (String agent : List.of("c0", "c1")) {
            List<Long> times = logged(outcome, SearchEvent.class).stream()
                    .filter(e -> ((SearchEvent) e.event()).agent().equals(agent))
                    .map(LoggedEvent::t)
                    .toList();
            assertThat(times).hasSizeGreaterThan(100);
            List<Long> gaps = new ArrayList<>();
            long previous = 0;
            for (long t : times) {
                gaps.add(t - previous);
                previous = t;
            }
            assertThat(gaps).allSatisfy(gap -> assertThat(gap).isBetween(2_500L, 9_500L));
            assertThat(gaps.stream().distinct().count()).isGreaterThan(20);
        }
    }

    // ------------------------------------------------------------------ (d) lookahead

    @Test
    void kernelRejectsANonPositiveLookahead() {
        Catalog catalog = Sims.catalog(1, 1);
        AgentDirectory directory = new AgentDirectory(catalog);
        Market market = new Market(directory, new SimpleSearch(catalog.services()), SearchSettings.DEFAULT);
        InlineDispatcher dispatcher = new InlineDispatcher(new AgentRuntime[0]);
        for (long lookahead : new long[] {0, -1, Long.MIN_VALUE}) {
            assertThatThrownBy(() -> new Kernel(market, dispatcher, lookahead, 1_000, List.of(), KernelListener.NONE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lookahead");
        }
        new Kernel(market, dispatcher, 1, 1_000, List.of(), KernelListener.NONE);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aRunWithZeroDelayAndZeroThinkTimeIsRefused(Mode mode) {
        SimulationSetup setup = Sims.setup(
                Sims.catalog(1, 1),
                Sims.all(1, (o, c) -> List.<AssistantAction>of(), ThinkTime.fixed(0)),
                Sims.all(1, IDLE_SERVICE, ThinkTime.fixed(5)),
                Sims.settings(mode, 0, 1_000));
        assertThatThrownBy(() -> Sims.run(setup)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lookaheadIsTheSmallestReactionSoFastAgentsAreNeverLate() {
        // Think times differ by agent; the kernel must still apply every action at its exact time.
        Catalog catalog = Sims.catalog(2, 1);
        AssistantPolicy pinger = (observation, context) ->
                observation instanceof AssistantStarted || (observation instanceof WokenUp && context.now() < 100_000)
                        ? List.of(new Wait(context.now()))
                        : List.of();
        SimulationSetup setup = new SimulationSetup(
                catalog,
                List.of(
                        new SimulationSetup.Agent<>(pinger, ThinkTime.fixed(3)),
                        new SimulationSetup.Agent<>(pinger, ThinkTime.fixed(10_000))),
                Sims.all(1, IDLE_SERVICE, ThinkTime.fixed(50_000)),
                new SimpleSearch(catalog.services()),
                SearchSettings.DEFAULT,
                Sims.settings(Mode.BARE, 2, Long.MAX_VALUE),
                PresentationSettings.DEFAULT,
                RevealSettings.IMMEDIATE,
                null);
        Sims.Outcome outcome = Sims.run(setup);
        List<Long> fast = logged(outcome, WakeEvent.class).stream()
                .filter(e -> ((WakeEvent) e.event()).agent().equals("c0"))
                .map(LoggedEvent::t)
                .toList();
        assertThat(fast).startsWith(5L, 10L, 15L, 20L);
        List<Long> slow = logged(outcome, WakeEvent.class).stream()
                .filter(e -> ((WakeEvent) e.event()).agent().equals("c1"))
                .map(LoggedEvent::t)
                .toList();
        assertThat(slow).startsWith(10_002L, 20_004L);
    }

    // ------------------------------------------------------------------ (e) failures

    @ParameterizedTest
    @EnumSource(Mode.class)
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aPolicyThrowingAtStartFailsTheRunNamingTheAgent(Mode mode) {
        IllegalStateException boom = new IllegalStateException("boom");
        AssistantPolicy fragile = (observation, context) -> {
            if (context.self().equals("c1")) {
                throw boom;
            }
            return List.of(new Search("x"));
        };
        SimulationSetup setup = Sims.setup(
                Sims.catalog(3, 1),
                Sims.all(3, fragile, ThinkTime.fixed(1_000)),
                Sims.all(1, IDLE_SERVICE, ThinkTime.fixed(1_000)),
                Sims.settings(mode, 100, 1_000_000));

        assertThatThrownBy(() -> Sims.run(setup))
                .isInstanceOfSatisfying(
                        AgentFailedException.class, e -> assertThat(e.agent()).isEqualTo("c1"))
                .hasCause(boom)
                .hasMessageContaining("c1");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aServiceThrowingInALaterWindowFailsTheRunNamingTheService(Mode mode) {
        AssistantPolicy writer = (observation, context) ->
                observation instanceof AssistantStarted ? List.of(Message.inquiry("s1", "hello", Map.of())) : List.of();
        ServicePolicy fragile = (observation, context) -> {
            if (observation instanceof MessageReceived) {
                throw new ArithmeticException("cannot count");
            }
            return List.<ServiceAction>of();
        };
        SimulationSetup setup = Sims.setup(
                Sims.catalog(2, 2),
                Sims.all(2, writer, ThinkTime.fixed(1_000)),
                Sims.all(2, fragile, ThinkTime.fixed(1_000)),
                Sims.settings(mode, 100, 1_000_000));

        assertThatThrownBy(() -> Sims.run(setup))
                .isInstanceOfSatisfying(
                        AgentFailedException.class, e -> assertThat(e.agent()).isEqualTo("s1"))
                .hasCauseInstanceOf(ArithmeticException.class);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aPolicyThrowingAnErrorFailsTheRunNamingTheAgent(Mode mode) {
        AssistantPolicy broken = (observation, context) -> {
            if (context.self().equals("c0")) {
                throw new AssertionError("policy invariant broken");
            }
            return List.of();
        };
        SimulationSetup setup = Sims.setup(
                Sims.catalog(2, 1),
                Sims.all(2, broken, ThinkTime.fixed(1_000)),
                Sims.all(1, IDLE_SERVICE, ThinkTime.fixed(1_000)),
                Sims.settings(mode, 100, 1_000_000));

        assertThatThrownBy(() -> Sims.run(setup))
                .isInstanceOfSatisfying(
                        AgentFailedException.class, e -> assertThat(e.agent()).isEqualTo("c0"))
                .hasCauseInstanceOf(AssertionError.class);
    }

    // ------------------------------------------------------------------ (f) horizon

    @ParameterizedTest
    @EnumSource(Mode.class)
    void theHorizonCutsOffLaterItems(Mode mode) {
        // Each customer waits in steps of 10 000: Wait at 5 000 (until 10 000), woken at 10 000,
        // Wait at 15 000 (until 20 000), ... so wakes fall exactly on multiples of 10 000.
        AssistantPolicy sleeper =
                (observation, context) -> List.of(new Wait(context.now() + 10_000 - context.now() % 10_000));
        Sims.Outcome outcome = Sims.run(Sims.setup(
                Sims.catalog(2, 1),
                Sims.all(2, sleeper, ThinkTime.fixed(4_000)),
                Sims.all(1, IDLE_SERVICE, ThinkTime.fixed(4_000)),
                Sims.settings(mode, 1_000, 100_000)));

        assertThat(outcome.events()).allSatisfy(e -> assertThat(e.t()).isLessThanOrEqualTo(100_000));
        // An item exactly at the horizon is still applied.
        assertThat(logged(outcome, WakeEvent.class))
                .extracting(LoggedEvent::t)
                .containsExactly(
                        10_000L, 10_000L, 20_000L, 20_000L, 30_000L, 30_000L, 40_000L, 40_000L, 50_000L, 50_000L,
                        60_000L, 60_000L, 70_000L, 70_000L, 80_000L, 80_000L, 90_000L, 90_000L, 100_000L, 100_000L);
        // The Wait each customer issues at 105 000 is cut.
        assertThat(outcome.stats().cutAtHorizon()).isEqualTo(2);
        assertThat(outcome.stats().virtualTime()).isEqualTo(100_000);
    }

    @Test
    void aRunThatFinishesBeforeItsHorizonCutsNothing() {
        AssistantPolicy quitter = (observation, context) -> List.of(new Done("bye"));
        Sims.Outcome outcome = Sims.run(Sims.setup(
                Sims.catalog(2, 1),
                Sims.all(2, quitter, ThinkTime.fixed(10)),
                Sims.all(1, IDLE_SERVICE, ThinkTime.fixed(10)),
                Sims.settings(Mode.BARE, 10, 1_000)));
        assertThat(events(outcome)).filteredOn(DoneEvent.class::isInstance).hasSize(2);
        assertThat(outcome.stats().cutAtHorizon()).isZero();
        assertThat(outcome.stats().virtualTime()).isEqualTo(20);
    }

    @Test
    void kernelSettingsValidateTheirArguments() {
        assertThatThrownBy(() -> new KernelSettings(1, -1, 10, 1, Mode.BARE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KernelSettings(1, 0, 0, 1, Mode.BARE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KernelSettings(1, 0, 10, 0, Mode.BARE))
                .isInstanceOf(IllegalArgumentException.class);
        KernelSettings defaults = KernelSettings.defaults(7);
        assertThat(defaults.mode()).isEqualTo(Mode.ACTORS);
        assertThat(defaults.withParallelism(3).parallelism()).isEqualTo(3);
        assertThat(defaults.withMode(Mode.BARE).mode()).isEqualTo(Mode.BARE);
        assertThat(defaults.withMode(Mode.BARE).seed()).isEqualTo(7);
    }
}

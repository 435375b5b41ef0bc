package org.mercato.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mercato.sim.KernelSettings.Mode;
import org.mercato.sim.Simulation;
import org.mercato.sim.SimulationSetup;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.market.AgentDirectory;
import org.mercato.sim.market.Market;
import org.mercato.sim.market.SearchSettings;
import org.mercato.sim.market.search.SimpleSearch;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.policy.ServicePolicy;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.AssistantStarted;
import org.mercato.sim.protocol.Message;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.Reply;
import org.mercato.sim.protocol.ServiceAction;
import org.mercato.sim.protocol.Wait;
import org.mercato.sim.protocol.WokenUp;

/** The rolling kernel overlaps slow reactions across windows, and fails like the windowed one. */
class RollingKernelTest {
    private static final ServicePolicy IDLE_SERVICE = (observation, context) -> List.of();

    /**
     * c0 reacts slowly to its start; c1 reacts at once and is woken at 2 ms, a later window (the
     * lookahead is about 1 ms), and reacts slowly to that. The windowed kernel sent both starts in
     * one batch, which may act from 1 ms on (the lookahead), so it waits for c0 before applying the
     * wake-up; the rolling kernel knows c0 cannot act before 5 ms (its drawn think time) and sends
     * c1 its wake-up while c0 is still busy.
     */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void slowReactionsOfDifferentWindowsOverlap() {
        assertThat(mostSlowAtOnce(false)).isEqualTo(1);
        assertThat(mostSlowAtOnce(true)).isEqualTo(2);
    }

    private static int mostSlowAtOnce(boolean rolling) {
        AtomicInteger slow = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AssistantPolicy slowStarter = (observation, context) -> {
            if (observation instanceof AssistantStarted) {
                Sims.slowly(slow, most);
            }
            return List.<AssistantAction>of();
        };
        AssistantPolicy slowWaker = (observation, context) -> {
            if (observation instanceof AssistantStarted) {
                return List.of(new Wait(2_000));
            }
            if (observation instanceof WokenUp) {
                Sims.slowly(slow, most);
            }
            return List.<AssistantAction>of();
        };
        SimulationSetup setup = Sims.setup(
                Sims.catalog(2, 1),
                List.of(
                        new SimulationSetup.Agent<>(slowStarter, ThinkTime.fixed(5_000)),
                        new SimulationSetup.Agent<>(slowWaker, ThinkTime.fixed(900))),
                Sims.all(1, IDLE_SERVICE, ThinkTime.fixed(900)),
                Sims.settings(Mode.ACTORS, 100, 1_000_000).withRolling(rolling));
        Sims.run(setup);
        return most.get();
    }

    /**
     * s0 reacts slowly to c0's message (its think time is 5 ms, so it cannot act before then), and c1's
     * message, from 1.5 ms, reaches it meanwhile and queues up. When s0 finishes, the kernel sends it
     * c1's message before it applies s0's reply, which opens a new window; a listener that is slow
     * at that window stands in for a long pass. So s0's second slow reaction runs beside the pass.
     */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anAgentThatFinishesGetsWhatQueuedUpBeforeThePassThroughWhatItHeldBack() {
        AtomicInteger slow = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicBoolean firstAnswered = new AtomicBoolean();
        AtomicBoolean passSlowed = new AtomicBoolean();
        AssistantPolicy early = (observation, context) -> observation instanceof AssistantStarted
                ? List.of(Message.inquiry("s0", "first", Map.of()))
                : List.<AssistantAction>of();
        AssistantPolicy late = (observation, context) -> {
            if (observation instanceof AssistantStarted) {
                return List.of(new Wait(1_000));
            }
            if (observation instanceof WokenUp) {
                return List.of(Message.inquiry("s0", "second", Map.of()));
            }
            return List.<AssistantAction>of();
        };
        ServicePolicy slowService = (observation, context) -> {
            if (observation instanceof MessageReceived received) {
                Sims.slowly(slow, most);
                if (received.text().equals("first")) {
                    firstAnswered.set(true);
                    return List.of(new Reply(received.from(), "noted"));
                }
            }
            return List.<ServiceAction>of();
        };
        KernelListener slowPass = (virtualTime, events) -> {
            if (firstAnswered.get() && passSlowed.compareAndSet(false, true)) {
                Sims.slowly(slow, most);
            }
        };
        SimulationSetup setup = Sims.setup(
                Sims.catalog(2, 1),
                List.of(
                        new SimulationSetup.Agent<>(early, ThinkTime.fixed(100)),
                        new SimulationSetup.Agent<>(late, ThinkTime.fixed(100))),
                List.of(new SimulationSetup.Agent<>(slowService, ThinkTime.fixed(5_000))),
                Sims.settings(Mode.ACTORS, 100, 1_000_000).withRolling(true));

        Simulation.run(setup, List.of(), slowPass);

        assertThat(passSlowed).isTrue();
        assertThat(most.get()).isEqualTo(2);
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
                Sims.settings(mode, 100, 1_000_000).withRolling(true));

        assertThatThrownBy(() -> Sims.run(setup))
                .isInstanceOfSatisfying(
                        AgentFailedException.class, e -> assertThat(e.agent()).isEqualTo("s1"))
                .hasCauseInstanceOf(ArithmeticException.class);
    }

    @Test
    void theKernelRejectsANonPositiveLookahead() {
        Catalog catalog = Sims.catalog(1, 1);
        Market market =
                new Market(new AgentDirectory(catalog), new SimpleSearch(catalog.services()), SearchSettings.DEFAULT);
        InlineDispatcher dispatcher = new InlineDispatcher(new AgentRuntime[0]);
        assertThatThrownBy(() -> new RollingKernel(
                        market, dispatcher, new AgentRuntime[0], 0, 1_000, List.of(), KernelListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lookahead");
    }

    @Test
    void boundsComeOffTheHeapInOrderSkippingStaleOnes() {
        BoundHeap heap = new BoundHeap();
        long[] bounds = {50, 20, 70, 20, 10, 90, 30};
        for (int agent = 0; agent < bounds.length; agent++) {
            heap.add(bounds[agent], agent);
        }
        heap.add(5, 2); // agent 2's bound was lowered; its old entry (70) is stale
        assertThat(heap.least((bound, agent) -> agent != 4)).isEqualTo(5); // agent 4 is done
        assertThat(heap.least((bound, agent) -> agent != 4 && agent != 2)).isEqualTo(20);
        assertThat(heap.least((bound, agent) -> agent == 5)).isEqualTo(90);
        assertThat(heap.least((bound, agent) -> false)).isEqualTo(Long.MAX_VALUE);
        assertThat(heap.size()).isZero();
    }
}

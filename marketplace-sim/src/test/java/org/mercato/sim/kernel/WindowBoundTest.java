package org.mercato.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mercato.sim.KernelSettings.Mode;
import org.mercato.sim.SimulationSetup;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.policy.ServicePolicy;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.AssistantStarted;
import org.mercato.sim.protocol.Wait;
import org.mercato.sim.protocol.WokenUp;

/**
 * The windowed kernel's window is a bound, not a barrier. Every agent reacts 1 ms after what it
 * observes (the lookahead). c0 is woken at 1.5 ms and reacts slowly, so it cannot act before 2.5
 * ms; c1 is woken at 2.4 ms, in the next window, and reacts slowly too. A kernel that waited at
 * each window's end would run the two slow reactions one after the other; this one applies c1's
 * wake-up while c0 is still busy, and writes the same log as the bare loop.
 */
class WindowBoundTest {
    private static final ServicePolicy IDLE_SERVICE = (observation, context) -> List.of();

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aLaterWindowsItemIsAppliedWhileAnEarlierWindowsBatchStillRuns() {
        String before = System.setProperty("mercato.kernel.minChunk", "1"); // c0's batch leaves alone
        try {
            Run actors = run(Mode.ACTORS);
            assertThat(actors.mostSlowAtOnce()).isEqualTo(2);
            assertThat(actors.outcome().events())
                    .isEqualTo(run(Mode.BARE).outcome().events());
            // the windows [1 ms, 2 ms), with the waits and c0's wake-up, and [2.4 ms, 3.4 ms)
            assertThat(actors.outcome().stats().windows()).isEqualTo(2);
        } finally {
            if (before == null) {
                System.clearProperty("mercato.kernel.minChunk");
            } else {
                System.setProperty("mercato.kernel.minChunk", before);
            }
        }
    }

    private record Run(Sims.Outcome outcome, int mostSlowAtOnce) {}

    private static Run run(Mode mode) {
        AtomicInteger slow = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        SimulationSetup setup = Sims.setup(
                Sims.catalog(2, 1),
                List.of(
                        new SimulationSetup.Agent<>(wakesSlowly(1_500, slow, most), ThinkTime.fixed(900)),
                        new SimulationSetup.Agent<>(wakesSlowly(2_400, slow, most), ThinkTime.fixed(900))),
                Sims.all(1, IDLE_SERVICE, ThinkTime.fixed(900)),
                Sims.settings(mode, 100, 1_000_000));
        return new Run(Sims.run(setup), most.get());
    }

    private static AssistantPolicy wakesSlowly(long wakeAt, AtomicInteger slow, AtomicInteger most) {
        return (observation, context) -> {
            if (observation instanceof AssistantStarted) {
                return List.of(new Wait(wakeAt));
            }
            if (observation instanceof WokenUp) {
                Sims.slowly(slow, most);
            }
            return List.<AssistantAction>of();
        };
    }
}

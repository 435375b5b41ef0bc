package org.mercato.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mercato.sim.protocol.Wait;
import org.mercato.sim.schedule.Scheduled;

/** The heap agrees with {@link Scheduled#ORDER}, and market timers sort after an agent's own items. */
class ScheduleQueueTest {
    private static List<Scheduled> drain(ScheduleQueue queue) {
        List<Scheduled> out = new ArrayList<>();
        while (!queue.isEmpty()) {
            out.add(queue.poll());
        }
        return out;
    }

    @Test
    void pollsInTheOrderingRuleWithTimersMixedIn() {
        SplittableRandom random = new SplittableRandom(3);
        List<Scheduled> items = new ArrayList<>();
        long timerSeq = Scheduled.MARKET_SEQ_BASE;
        for (int i = 0; i < 2_000; i++) {
            long time = random.nextInt(50);
            int agent = random.nextInt(6);
            items.add(
                    switch (random.nextInt(3)) {
                        case 0 -> new Scheduled.ActionAt(time, agent, i, new Wait(time));
                        case 1 -> new Scheduled.WakeAt(time, agent, i);
                        default ->
                            new Scheduled.MarketTimerAt(
                                    time, agent, timerSeq++, Scheduled.TimerPurpose.REVEAL_PROPOSALS);
                    });
        }
        ScheduleQueue queue = new ScheduleQueue();
        items.forEach(queue::add);

        List<Scheduled> expected = new ArrayList<>(items);
        expected.sort(Scheduled.ORDER);
        assertThat(drain(queue)).containsExactlyElementsOf(expected);
    }

    @Test
    void atOneTimeAndAgentTheAgentsItemsComeBeforeTheMarketsTimersAndOtherAgentsAfter() {
        ScheduleQueue queue = new ScheduleQueue();
        Scheduled timer =
                new Scheduled.MarketTimerAt(10, 1, Scheduled.MARKET_SEQ_BASE, Scheduled.TimerPurpose.REVEAL_PROPOSALS);
        Scheduled late = new Scheduled.ActionAt(10, 1, Scheduled.MARKET_SEQ_BASE - 1, new Wait(0));
        Scheduled early = new Scheduled.WakeAt(10, 1, 0);
        Scheduled before = new Scheduled.ActionAt(10, 0, 99, new Wait(0));
        Scheduled after = new Scheduled.ActionAt(10, 2, 0, new Wait(0));
        for (Scheduled item : List.of(after, timer, late, before, early)) {
            queue.add(item);
        }
        assertThat(drain(queue)).containsExactly(before, early, late, timer, after);
    }

    @Test
    void sequenceNumbersOutsideTheirRangeAreRefused() {
        ScheduleQueue queue = new ScheduleQueue();
        assertThatThrownBy(() -> queue.add(new Scheduled.WakeAt(0, 0, Scheduled.MARKET_SEQ_BASE)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> queue.add(new Scheduled.ActionAt(0, 0, -1, new Wait(0))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(
                        () -> queue.add(new Scheduled.MarketTimerAt(0, 0, 5, Scheduled.TimerPurpose.REVEAL_PROPOSALS)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> queue.add(new Scheduled.MarketTimerAt(
                        0, 0, Scheduled.MAX_SEQ + 1, Scheduled.TimerPurpose.REVEAL_PROPOSALS)))
                .isInstanceOf(IllegalStateException.class);
        queue.add(new Scheduled.MarketTimerAt(0, 0, Scheduled.MAX_SEQ, Scheduled.TimerPurpose.REVEAL_PROPOSALS));
        assertThat(queue.size()).isEqualTo(1);
    }
}

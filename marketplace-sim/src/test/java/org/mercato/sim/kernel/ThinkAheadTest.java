package org.mercato.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.Wait;
import org.mercato.sim.protocol.WokenUp;
import org.mercato.sim.schedule.Scheduled;

/** Think times peeked several steps ahead are the ones the agent then takes, in order. */
class ThinkAheadTest {
    private static final AssistantPolicy WAITER = (o, c) -> List.<AssistantAction>of(new Wait(c.now() + 1));

    private static AgentRuntime runtime() {
        return AgentRuntime.assistant(0, "c0", WAITER, new ThinkTime.Uniform(1_000, 900_000), 50, 7);
    }

    private static List<Long> actionTimes(AgentRuntime runtime) {
        List<Long> times = new ArrayList<>();
        for (long t = 0; t < 5; t++) {
            for (Scheduled s : runtime.process(List.of(new Delivery(t * 1_000_000, new WokenUp(t * 1_000_000))))) {
                times.add(s.time() - t * 1_000_000);
            }
        }
        return times;
    }

    @Test
    void peekingAheadChangesNoDrawAndPredictsEach() {
        AgentRuntime peeked = runtime();
        long third = peeked.peekThinkTime(2);
        long first = peeked.peekThinkTime(0);
        long fifth = peeked.peekThinkTime(4);
        long second = peeked.peekThinkTime(1);

        List<Long> reacted = actionTimes(peeked);

        assertThat(reacted).isEqualTo(actionTimes(runtime()));
        assertThat(reacted).containsExactly(50 + first, 50 + second, 50 + third, reacted.get(3), 50 + fifth);
        assertThat(reacted).doesNotHaveDuplicates();
    }
}

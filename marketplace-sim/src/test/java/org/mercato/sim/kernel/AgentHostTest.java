package org.mercato.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.protocol.AssistantStarted;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.schedule.Scheduled;

/** The actor hosting a group of agents, driven directly with {@link AgentHost.Deliver} messages. */
@ExtendWith(TestKitJUnit5Extension.class)
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AgentHostTest {
    @JUnit5TestKit
    public ActorTestKit testKit = new JUnit5TestKitBuilder().build();

    private static final AssistantPolicy SEARCH = (observation, context) -> List.of(new Search("q" + context.now()));
    private static final AssistantPolicy BROKEN = (observation, context) -> {
        throw new IllegalStateException("broken policy");
    };

    private static AgentRuntime[] agents(AssistantPolicy... policies) {
        AgentRuntime[] agents = new AgentRuntime[policies.length];
        for (int i = 0; i < policies.length; i++) {
            agents[i] = AgentRuntime.assistant(i, "c" + i, policies[i], ThinkTime.fixed(2_000), 500, 99);
        }
        return agents;
    }

    private static AgentBatch started(int agent, long time) {
        return new AgentBatch(
                agent, List.of(new Delivery(time, new AssistantStarted(Sims.customer("c" + agent, 100)))));
    }

    @Test
    void runsEachOfItsAgentsBatchesAndRepliesUnderItsSlot() throws Exception {
        AgentRuntime[] agents = agents(SEARCH, SEARCH, SEARCH, SEARCH);
        ActorRef<AgentHost.Command> host = testKit.spawn(AgentHost.create(agents));
        // slots 0 and 2 belong to other hosts; this host runs slots 1 and 3 (agents 3 and 2)
        List<AgentBatch> batches = List.of(started(0, 0), started(3, 10), started(1, 0), started(2, 20));
        WindowReplies replies = new WindowReplies(2);
        BatchReplies shifted = new BatchReplies() {
            @Override
            public void complete(int slot, List<Scheduled> actions) {
                replies.complete(slot == 1 ? 0 : 1, actions);
            }

            @Override
            public void fail(AgentFailedException failure) {
                replies.fail(failure);
            }
        };

        host.tell(new AgentHost.Deliver(batches, new int[] {1, 3}, 0, 2, shifted));

        assertThat(Sims.await(replies))
                .containsExactly(
                        List.of(new Scheduled.ActionAt(2_510, 3, 0, new Search("q10"))),
                        List.of(new Scheduled.ActionAt(2_520, 2, 0, new Search("q20"))));
    }

    @Test
    void aFailingAgentFailsTheWindowAndTheHostGoesOnWithTheNextWindow() throws Exception {
        AgentRuntime[] agents = agents(BROKEN, SEARCH);
        ActorRef<AgentHost.Command> host = testKit.spawn(AgentHost.create(agents));
        WindowReplies failed = new WindowReplies(2);

        host.tell(new AgentHost.Deliver(List.of(started(0, 0), started(1, 0)), new int[] {0, 1}, 0, 2, failed));

        assertThatThrownBy(() -> Sims.await(failed)).isInstanceOf(AgentFailedException.class);
        WindowReplies next = new WindowReplies(1);
        host.tell(new AgentHost.Deliver(List.of(started(1, 50)), new int[] {0}, 0, 1, next));
        assertThat(Sims.await(next).get(0)).extracting(Scheduled::agent).containsExactly(1);
    }
}

package org.mercato.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.AssistantStarted;
import org.mercato.sim.protocol.Message;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.protocol.Wait;
import org.mercato.sim.protocol.WokenUp;
import org.mercato.sim.schedule.Scheduled;

/** The actor wrapper around one agent, driven directly with {@link AgentActor.Deliver} messages. */
@ExtendWith(TestKitJUnit5Extension.class)
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AgentActorTest {
    @JUnit5TestKit
    public ActorTestKit testKit = new JUnit5TestKitBuilder().build();

    private static final long DELAY = 500;
    private static final ThinkTime THINK = ThinkTime.fixed(2_000);

    /** On every observation: search, then wait until now + 100. */
    private static final AssistantPolicy SEARCH_THEN_WAIT =
            (observation, context) -> List.of(new Search("q"), new Wait(context.now() + 100));

    private static AgentRuntime runtime(int index, AssistantPolicy policy) {
        return AgentRuntime.assistant(index, "c" + index, policy, THINK, DELAY, 99);
    }

    private static Delivery started(long time) {
        return new Delivery(time, new AssistantStarted(Sims.customer("c", 100)));
    }

    @Test
    void repliesWithTheActionsAtObservationTimePlusDelayPlusThinkTime() throws Exception {
        ActorRef<AgentActor.Command> actor = testKit.spawn(AgentActor.create(runtime(2, SEARCH_THEN_WAIT)));
        WindowReplies replies = new WindowReplies(1);

        actor.tell(new AgentActor.Deliver(List.of(started(1_000)), 0, replies));

        assertThat(Sims.await(replies))
                .containsExactly(List.of(
                        new Scheduled.ActionAt(3_500, 2, 0, new Search("q")),
                        new Scheduled.ActionAt(3_500, 2, 1, new Wait(1_100))));
    }

    @Test
    void handlesABatchInOrderWithEachDeliverysOwnTime() throws Exception {
        ActorRef<AgentActor.Command> actor = testKit.spawn(AgentActor.create(runtime(0, SEARCH_THEN_WAIT)));
        WindowReplies replies = new WindowReplies(1);

        actor.tell(new AgentActor.Deliver(
                List.of(started(0), new Delivery(10, new WokenUp(10)), new Delivery(30, new WokenUp(30))), 0, replies));

        assertThat(Sims.await(replies).get(0))
                .containsExactly(
                        new Scheduled.ActionAt(2_500, 0, 0, new Search("q")),
                        new Scheduled.ActionAt(2_500, 0, 1, new Wait(100)),
                        new Scheduled.ActionAt(2_510, 0, 2, new Search("q")),
                        new Scheduled.ActionAt(2_510, 0, 3, new Wait(110)),
                        new Scheduled.ActionAt(2_530, 0, 4, new Search("q")),
                        new Scheduled.ActionAt(2_530, 0, 5, new Wait(130)));
    }

    @Test
    void sequenceNumbersContinueAcrossWindows() throws Exception {
        ActorRef<AgentActor.Command> actor = testKit.spawn(AgentActor.create(runtime(1, SEARCH_THEN_WAIT)));

        WindowReplies first = new WindowReplies(1);
        actor.tell(new AgentActor.Deliver(List.of(started(0)), 0, first));
        assertThat(Sims.await(first).get(0)).extracting(Scheduled::seq).containsExactly(0L, 1L);

        WindowReplies second = new WindowReplies(1);
        actor.tell(new AgentActor.Deliver(List.of(new Delivery(5_000, new WokenUp(5_000))), 0, second));
        List<Scheduled> later = Sims.await(second).get(0);
        assertThat(later).extracting(Scheduled::seq).containsExactly(2L, 3L);
        assertThat(later).extracting(Scheduled::time).containsOnly(7_500L);
        assertThat(later).extracting(Scheduled::agent).containsOnly(1);
    }

    @Test
    void aPolicyReturningNothingOrNullRepliesWithAnEmptyList() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AssistantPolicy quiet = (observation, context) -> calls.incrementAndGet() == 1 ? null : List.of();
        ActorRef<AgentActor.Command> actor = testKit.spawn(AgentActor.create(runtime(0, quiet)));
        WindowReplies replies = new WindowReplies(1);

        actor.tell(new AgentActor.Deliver(List.of(started(0), new Delivery(1, new WokenUp(1))), 0, replies));

        assertThat(Sims.await(replies)).containsExactly(List.of());
        assertThat(calls).hasValue(2);
    }

    @Test
    void slotsKeepDispatchOrderWhateverFinishesFirst() throws Exception {
        AssistantPolicy slow = (observation, context) -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(Message.inquiry("s0", "slow", Map.of()));
        };
        AssistantPolicy fast = (observation, context) -> List.of(Message.inquiry("s0", "fast", Map.of()));
        ActorRef<AgentActor.Command> slowActor = testKit.spawn(AgentActor.create(runtime(0, slow)));
        ActorRef<AgentActor.Command> fastActor = testKit.spawn(AgentActor.create(runtime(1, fast)));
        WindowReplies replies = new WindowReplies(2);

        slowActor.tell(new AgentActor.Deliver(List.of(started(0)), 0, replies));
        fastActor.tell(new AgentActor.Deliver(List.of(started(0)), 1, replies));

        List<List<Scheduled>> result = Sims.await(replies);
        assertThat(result).hasSize(2);
        assertThat(result.get(0)).extracting(Scheduled::agent).containsExactly(0);
        assertThat(result.get(1)).extracting(Scheduled::agent).containsExactly(1);
    }

    @Test
    void aThrowingPolicyFailsTheWindowInsteadOfHangingAndTheActorSurvives() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AssistantPolicy flaky = (observation, context) -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalArgumentException("first call fails");
            }
            return List.<AssistantAction>of(new Search("again"));
        };
        ActorRef<AgentActor.Command> actor = testKit.spawn(AgentActor.create(runtime(3, flaky)));

        WindowReplies failing = new WindowReplies(2); // the other slot never answers: failure must not wait for it
        actor.tell(new AgentActor.Deliver(List.of(started(0)), 1, failing));
        assertThatThrownBy(() -> Sims.await(failing))
                .isInstanceOfSatisfying(
                        AgentFailedException.class, e -> assertThat(e.agent()).isEqualTo("c3"))
                .hasCauseInstanceOf(IllegalArgumentException.class);

        // The actor is still alive and keeps its sequence numbers.
        WindowReplies next = new WindowReplies(1);
        actor.tell(new AgentActor.Deliver(List.of(new Delivery(100, new WokenUp(100))), 0, next));
        assertThat(Sims.await(next).get(0)).containsExactly(new Scheduled.ActionAt(2_600, 3, 0, new Search("again")));
    }

    @Test
    void aPolicyThrowingAnErrorFailsTheWindowInsteadOfHanging() {
        AssistantPolicy broken = (observation, context) -> {
            throw new AssertionError("policy invariant broken");
        };
        ActorRef<AgentActor.Command> actor = testKit.spawn(AgentActor.create(runtime(0, broken)));
        WindowReplies replies = new WindowReplies(1);

        actor.tell(new AgentActor.Deliver(List.of(started(0)), 0, replies));

        assertThatThrownBy(() -> Sims.await(replies))
                .isInstanceOfSatisfying(
                        AgentFailedException.class, e -> assertThat(e.agent()).isEqualTo("c0"))
                .hasCauseInstanceOf(AssertionError.class);
    }

    @Test
    void anEmptyWindowIsCompleteAtOnce() throws Exception {
        assertThat(Sims.await(new WindowReplies(0))).isEmpty();
    }
}

package org.mercato.gateway.turns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mercato.gateway.wire.WireCodec;
import org.mercato.gateway.wire.WireContext;
import org.mercato.sim.protocol.Done;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.protocol.WokenUp;

/** The desk with real threads: the policy's side blocks in {@code take}, a test thread plays the outside agent. */
class TurnDeskTest {
    private static final Duration LONG = Duration.ofSeconds(10);
    private final ExecutorService policies = Executors.newCachedThreadPool();
    private final TurnDesk desk = new TurnDesk();
    private final ExternalGroup shoppers =
            new ExternalGroup("assistants-0", ExternalGroup.Role.ASSISTANT, List.of("c1", "c2"), "tok-a", LONG);
    private final ExternalGroup sellers =
            new ExternalGroup("services-0", ExternalGroup.Role.SERVICE, List.of("s1"), "tok-s", LONG);

    TurnDeskTest() {
        desk.register(shoppers);
        desk.register(sellers);
    }

    @AfterEach
    void stop() {
        policies.shutdownNow();
    }

    static List<JsonNode> json(String array) {
        try {
            List<JsonNode> out = new java.util.ArrayList<>();
            WireCodec.JSON.readTree(array).forEach(out::add);
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Future<TurnOutcome> open(String agent, long number) {
        List<JsonNode> seen = List.of(WireCodec.observation(new WokenUp(number)));
        return policies.submit(() ->
                desk.take(agent, number, 7, seen, actions -> WireCodec.assistantActions(actions, WireContext.at(7))));
    }

    @Test
    void aPolledTurnIsAnsweredAndItsActionsReachThePolicy() throws Exception {
        Future<TurnOutcome> c1 = open("c1", 0);
        List<Turn> turns = desk.poll(shoppers, Optional.empty(), LONG);
        assertThat(turns).hasSize(1);
        assertThat(turns.get(0).agent()).isEqualTo("c1");
        assertThat(turns.get(0).number()).isZero();
        assertThat(turns.get(0).time()).isEqualTo(7);
        assertThat(WireCodec.text(turns.get(0).observations())).isEqualTo("[{\"type\":\"woken-up\",\"at\":0}]");
        // handed out once: a second poll finds nothing new
        assertThat(desk.poll(shoppers, Optional.empty(), Duration.ofMillis(20))).isEmpty();
        assertThat(desk.open(shoppers, Optional.empty())).containsExactlyElementsOf(turns);

        assertThat(desk.answer("c1", 0, json("[{\"type\":\"search\",\"query\":\"tacos\"}]")))
                .isEqualTo(new Answer.Accepted());
        TurnOutcome outcome = c1.get(5, TimeUnit.SECONDS);
        assertThat(((TurnOutcome.Answered) outcome).actions()).containsExactly(new Search("tacos"));
        assertThat(desk.answer("c1", 0, json("[]"))).isInstanceOf(Answer.NotOpen.class);
    }

    @Test
    void aPollWaitsForTheNextTurnToOpen() throws Exception {
        CompletableFuture<List<Turn>> polled = CompletableFuture.supplyAsync(() -> {
            try {
                return desk.poll(shoppers, Optional.of("c2"), LONG);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        assertThat(polled).isNotDone();
        open("c1", 0); // not the agent asked for
        Future<TurnOutcome> c2 = open("c2", 0);
        assertThat(polled.get(5, TimeUnit.SECONDS)).extracting(Turn::agent).containsExactly("c2");
        desk.answer("c2", 0, json("[]"));
        assertThat(((TurnOutcome.Answered) c2.get(5, TimeUnit.SECONDS)).actions())
                .isEmpty();
    }

    @Test
    void anInvalidAnswerLeavesTheTurnOpenForAnotherTry() throws Exception {
        Future<TurnOutcome> c1 = open("c1", 0);
        desk.poll(shoppers, Optional.empty(), LONG);
        assertThat(desk.answer("c1", 0, json("[{\"type\":\"pay\"}]")))
                .isEqualTo(new Answer.Invalid("actions[0]: pay needs \"proposalId\" (a string)"));
        assertThat(c1).isNotDone();
        assertThat(desk.answer("c1", 1, json("[]")))
                .isEqualTo(new Answer.NotOpen("turn 1 of agent c1 is not open (its open turn is 0)"));
        assertThat(desk.answer("c1", 0, json("[{\"type\":\"done\",\"reason\":\"bought\"}]")))
                .isEqualTo(new Answer.Accepted());
        assertThat(((TurnOutcome.Answered) c1.get(5, TimeUnit.SECONDS)).actions())
                .containsExactly(new Done("bought"));
        // actions after done
        assertThat(desk.answer("c1", 1, json("[]"))).isEqualTo(new Answer.NotOpen("agent c1 is done (it said done)"));
        assertThat(desk.doneWhy("c1")).contains("agent c1 is done (it said done)");
        assertThat(desk.visitOver("c1")).isFalse();
        assertThat(desk.answer("nobody", 0, json("[]"))).isEqualTo(new Answer.NotOpen("no external agent nobody"));
    }

    @Test
    void withReturnVisitsADoneEndsOnlyTheVisitAndTheNextVisitsTurnIsAnswered() throws Exception {
        desk.returnVisits(true);
        Future<TurnOutcome> c1 = open("c1", 0);
        desk.poll(shoppers, Optional.empty(), LONG);
        assertThat(desk.answer("c1", 0, json("[{\"type\":\"done\",\"reason\":\"bought\"}]")))
                .isEqualTo(new Answer.Accepted());
        assertThat(((TurnOutcome.Answered) c1.get(5, TimeUnit.SECONDS)).actions())
                .containsExactly(new Done("bought"));
        // between visits: not done for good, no turn open
        assertThat(desk.doneWhy("c1")).isEmpty();
        assertThat(desk.visitOver("c1")).isTrue();
        assertThat(desk.answer("c1", 0, json("[]")))
                .isEqualTo(new Answer.NotOpen("turn 0 of agent c1 is not open (" + TurnDesk.VISIT_OVER + ")"));
        // the next visit starts: a turn again
        Future<TurnOutcome> next = open("c1", 1);
        assertThat(desk.poll(shoppers, Optional.of("c1"), LONG))
                .extracting(Turn::number)
                .containsExactly(1L);
        assertThat(desk.visitOver("c1")).isFalse();
        assertThat(desk.answer("c1", 1, json("[]"))).isEqualTo(new Answer.Accepted());
        assertThat(next.get(5, TimeUnit.SECONDS)).isInstanceOf(TurnOutcome.Answered.class);
        desk.end();
        assertThat(desk.visitOver("c1")).isFalse(); // the run ended: finished
    }

    @Test
    void aTurnNobodyAnswersTimesOutAndItsAgentTakesNoMoreAnswers() throws Exception {
        TurnDesk quick = new TurnDesk();
        ExternalGroup group =
                new ExternalGroup("g", ExternalGroup.Role.ASSISTANT, List.of("c1"), "t", Duration.ofMillis(100));
        quick.register(group);
        long started = System.nanoTime();
        TurnOutcome outcome = quick.take("c1", 0, 0, List.of(), actions -> List.of());
        assertThat(outcome).isEqualTo(new TurnOutcome.TimedOut());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(quick.answer("c1", 0, json("[]"))).isEqualTo(new Answer.NotOpen("agent c1 is done (timed out)"));
        assertThat(quick.open(group, Optional.empty())).isEmpty();
    }

    @Test
    void aGoneGroupEndsItsOpenAndLaterTurns() throws Exception {
        Future<TurnOutcome> c1 = open("c1", 0);
        desk.poll(shoppers, Optional.empty(), LONG);
        desk.gone(shoppers, "exited with code 3");
        assertThat(c1.get(5, TimeUnit.SECONDS)).isEqualTo(new TurnOutcome.Gone("exited with code 3"));
        assertThat(open("c2", 0).get(5, TimeUnit.SECONDS)).isEqualTo(new TurnOutcome.Gone("exited with code 3"));
        // the other group goes on
        Future<TurnOutcome> s1 = policies.submit(() -> desk.take("s1", 0, 0, List.of(), actions -> List.of()));
        assertThat(desk.poll(sellers, Optional.empty(), LONG)).hasSize(1);
        assertThat(desk.answer("s1", 0, json("[]"))).isEqualTo(new Answer.Accepted());
        assertThat(s1.get(5, TimeUnit.SECONDS)).isInstanceOf(TurnOutcome.Answered.class);
    }

    @Test
    void afterTheEndPollsAreEmptyAndAnswersSayEnded() throws Exception {
        Future<TurnOutcome> c1 = open("c1", 0);
        desk.poll(shoppers, Optional.empty(), LONG);
        CompletableFuture<List<Turn>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return desk.poll(sellers, Optional.empty(), LONG);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        desk.end();
        assertThat(desk.ended()).isTrue();
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEmpty();
        assertThat(c1.get(5, TimeUnit.SECONDS)).isInstanceOf(TurnOutcome.Gone.class);
        assertThat(desk.answer("c1", 0, json("[]"))).isEqualTo(new Answer.Ended());
        assertThat(desk.poll(shoppers, Optional.empty(), Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void tokensFindTheirGroupAndConnectingIsTracked() throws Exception {
        assertThat(desk.groupOfToken("tok-s")).contains(sellers);
        assertThat(desk.groupOfToken("tok-")).isEmpty();
        assertThat(desk.groupOfToken(null)).isEmpty();
        assertThat(desk.groupOf("c2")).contains(shoppers);
        assertThat(desk.awaitConnected(sellers, Duration.ofMillis(20))).isFalse();
        CompletableFuture<Boolean> awaited = CompletableFuture.supplyAsync(() -> {
            try {
                return desk.awaitConnected(sellers, LONG);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        desk.markConnected(sellers);
        assertThat(awaited.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(desk.connected(sellers)).isTrue();
        assertThat(desk.connected(shoppers)).isFalse();
        assertThat(shoppers.toString()).doesNotContain("tok-a");
    }

    @Test
    void aGroupSeesOnlyItsOwnAgentsTurns() throws Exception {
        Future<TurnOutcome> s1 = policies.submit(() -> desk.take("s1", 0, 0, List.of(), actions -> List.of()));
        // the shoppers' token asking for the seller's turns gets nothing; whose agent it is, the desk knows
        assertThat(desk.poll(shoppers, Optional.of("s1"), Duration.ofMillis(50)))
                .isEmpty();
        assertThat(desk.open(shoppers, Optional.empty())).isEmpty();
        assertThat(desk.groupOf("s1")).contains(sellers);
        assertThat(desk.groupOf("nobody")).isEmpty();
        assertThat(desk.poll(sellers, Optional.of("s1"), LONG)).hasSize(1);
        desk.answer("s1", 0, json("[]"));
        assertThat(s1.get(5, TimeUnit.SECONDS)).isInstanceOf(TurnOutcome.Answered.class);
    }

    @Test
    void aGroupsNameAgentsAndTokenAreItsOwn() {
        assertThatThrownBy(() ->
                        desk.register(new ExternalGroup("x", ExternalGroup.Role.SERVICE, List.of("c1"), "tok-x", LONG)))
                .hasMessage("agent c1 of external group x is registered already");
        assertThatThrownBy(() ->
                        desk.register(new ExternalGroup("y", ExternalGroup.Role.SERVICE, List.of("s9"), "tok-a", LONG)))
                .hasMessage("external group y reuses a token");
        assertThat(Map.of("groups", desk.groups()))
                .extractingByKey("groups")
                .asList()
                .containsExactly(shoppers, sellers);
    }
}

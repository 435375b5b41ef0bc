package org.mercato.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mercato.sim.KernelSettings.Mode;
import org.mercato.sim.SimulationSetup;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.policy.GuessingAhead;
import org.mercato.sim.policy.Prefetching;
import org.mercato.sim.policy.ServicePolicy;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.AssistantStarted;
import org.mercato.sim.protocol.Done;
import org.mercato.sim.protocol.Message;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.protocol.Pay;
import org.mercato.sim.protocol.PaymentSettled;
import org.mercato.sim.protocol.ProposalReceived;
import org.mercato.sim.protocol.Propose;
import org.mercato.sim.protocol.ServiceAction;
import org.mercato.sim.protocol.ServiceStarted;

/**
 * The rolling kernel shows an idle agent the delivery it will get next, before it is safe, so a
 * slow policy can start on it. Here c0 is slow and quick to act (its bound holds the horizon back)
 * while c1..c3 each talk to their own service: their next deliveries wait for c0, nothing can come
 * between, so every guess must be right, and guessing must change nothing in the log.
 */
class PrefetchGuessTest {
    private static final int PAIRS = 4;

    /** Counts guesses and real observations that matched the last guess or did not. */
    static final class Tally {
        final AtomicInteger offered = new AtomicInteger();
        final AtomicInteger right = new AtomicInteger();
        final AtomicInteger wrong = new AtomicInteger();
    }

    private static final class Guessed {
        private final Tally tally;
        private Observation last;

        Guessed(Tally tally) {
            this.tally = tally;
        }

        void guess(Observation observation) {
            tally.offered.incrementAndGet();
            last = observation;
        }

        void real(Observation observation) {
            if (last != null) {
                (observation.equals(last) ? tally.right : tally.wrong).incrementAndGet();
                last = null;
            }
        }
    }

    private static final class Shopper implements AssistantPolicy, Prefetching {
        private final Guessed guessed;
        private final long sleepMillis;

        Shopper(Tally tally, long sleepMillis) {
            this.guessed = new Guessed(tally);
            this.sleepMillis = sleepMillis;
        }

        @Override
        public List<AssistantAction> onObservation(Observation observation, AgentContext context) {
            guessed.real(observation);
            sleep(sleepMillis);
            return DeepShopper.react(observation, context.self());
        }

        @Override
        public void prefetch(Observation observation, AgentContext context) {
            guessed.guess(observation);
        }
    }

    private static final class Seller implements ServicePolicy, Prefetching {
        private final Guessed guessed;

        Seller(Tally tally) {
            this.guessed = new Guessed(tally);
        }

        @Override
        public List<ServiceAction> onObservation(Observation observation, AgentContext context) {
            guessed.real(observation);
            if (observation instanceof MessageReceived) {
                sleep(20);
            }
            return DeepSeller.react(observation, context.now());
        }

        @Override
        public void prefetch(Observation observation, AgentContext context) {
            guessed.guess(observation);
        }
    }

    private static SimulationSetup market(Tally tally, boolean rolling) {
        List<SimulationSetup.Agent<AssistantPolicy>> shoppers = new ArrayList<>();
        List<SimulationSetup.Agent<ServicePolicy>> sellers = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            // c0 sleeps longest but acts soonest in virtual time, so the others' actions queue behind it
            shoppers.add(new SimulationSetup.Agent<>(
                    new Shopper(tally, i == 0 ? 150 : 10), ThinkTime.fixed(i == 0 ? 1_000 : 3_000)));
            sellers.add(new SimulationSetup.Agent<>(new Seller(tally), ThinkTime.fixed(3_000)));
        }
        return Sims.setup(
                Sims.catalog(PAIRS, PAIRS),
                shoppers,
                sellers,
                Sims.settings(Mode.ACTORS, 100, 1_000_000).withRolling(rolling));
    }

    /** The rolling run with guesses writes the windowed run's log, which has events of {@code type}. */
    private static void assertSameLog(SimulationSetup guessing, SimulationSetup windowed, String type) {
        String guessedLog = new String(Sims.jsonl(guessing), StandardCharsets.UTF_8);
        String windowedLog = new String(Sims.jsonl(windowed), StandardCharsets.UTF_8);
        assertThat(guessedLog).contains("\"type\":\"" + type + "\"").isEqualTo(windowedLog);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void guessesAreRightWhenNothingCanComeFirstAndChangeNothing() {
        Tally rolling = new Tally();
        Tally windowed = new Tally();
        assertSameLog(market(rolling, true), market(windowed, false), "payment");
        assertThat(windowed.offered).as("the windowed kernel does not guess").hasValue(0);
        assertThat(rolling.right.get()).as("right guesses").isGreaterThanOrEqualTo(3);
        assertThat(rolling.wrong).as("wrong guesses").hasValue(0);
    }

    /**
     * Policies that can say their reaction at once ({@link GuessingAhead}) while really taking long:
     * the kernel's guesses go several steps deep. c1..c3's payment confirmations are guessed
     * before their proposals have really arrived, every guess is right, and the log is unchanged.
     */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void guessesGoSeveralStepsDeepAndChangeNothing() {
        DeepTally tally = new DeepTally();
        assertSameLog(deepMarket(tally, true), deepMarket(new DeepTally(), false), "payment");
        assertThat(tally.twoStepsAhead.get())
                .as("payments guessed before the proposal came")
                .isGreaterThanOrEqualTo(1);
        assertThat(tally.unguessed)
                .as("real observations of c1..c3 not guessed first")
                .hasValue(0);
        assertThat(tally.wrong).as("guesses contradicted").hasValue(0);
    }

    /**
     * A seller whose guessed turns never get their answer (as if its model were slow): its guess
     * for c1's message stays pending, yet the kernel still asks it about c2's and c3's messages
     * (a seller with a conversation per customer can send those ahead), schedules none of their
     * actions, and the log is unchanged. The messages queue up while s0 is still busy with its
     * start, so they can be guessed only once s0 is idle again: its becoming idle must start a
     * round of guesses though the queue did not change.
     */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aPendingGuessDoesNotStopGuessesOfTheAgentsLaterDeliveries() {
        OneSellerGates rolling = new OneSellerGates();
        assertSameLog(oneSellerMarket(rolling, true), oneSellerMarket(OneSellerGates.open(), false), "proposal");
        assertThat(rolling.pastPending.get())
                .as("guesses asked after a pending one")
                .isGreaterThanOrEqualTo(1);
    }

    /**
     * What the one-seller market waits on instead of racing sleeps: s0 finishes its start only
     * after c1..c3 have sent their messages, and c0 holds the horizon back until a guess past a
     * pending one was asked, or {@link #HOLD_SECONDS} pass (then the test fails).
     */
    private static final class OneSellerGates {
        static final long HOLD_SECONDS = 10;
        final AtomicInteger pastPending = new AtomicInteger();
        final CountDownLatch guessedPastPending;
        final CountDownLatch messagesSent;

        OneSellerGates() {
            this(1, PAIRS - 1);
        }

        private OneSellerGates(int guesses, int messages) {
            this.guessedPastPending = new CountDownLatch(guesses);
            this.messagesSent = new CountDownLatch(messages);
        }

        /** Gates that never wait: for the windowed kernel, which does not guess. */
        static OneSellerGates open() {
            return new OneSellerGates(0, 0);
        }
    }

    private static SimulationSetup oneSellerMarket(OneSellerGates gates, boolean rolling) {
        List<SimulationSetup.Agent<AssistantPolicy>> shoppers = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            // c0 acts first, holding the horizon back while c1..c3's messages queue up
            shoppers.add(new SimulationSetup.Agent<>(
                    new OneSellerShopper(gates, i == 0), ThinkTime.fixed(i == 0 ? 1_000 : 3_000 + i)));
        }
        List<SimulationSetup.Agent<ServicePolicy>> sellers =
                List.of(new SimulationSetup.Agent<>(new SlowGuessSeller(gates), ThinkTime.fixed(3_000)));
        return Sims.setup(
                Sims.catalog(PAIRS, 1),
                shoppers,
                sellers,
                Sims.settings(Mode.ACTORS, 100, 1_000_000).withRolling(rolling));
    }

    private record OneSellerShopper(OneSellerGates gates, boolean holdsTheHorizon) implements AssistantPolicy {
        @Override
        public List<AssistantAction> onObservation(Observation observation, AgentContext context) {
            if (observation instanceof AssistantStarted) {
                if (holdsTheHorizon) {
                    await(gates.guessedPastPending);
                } else {
                    gates.messagesSent.countDown();
                }
                return List.of(Message.inquiry("s0", "a pizza, please", Map.of("pizza", 1)));
            }
            return observation instanceof ProposalReceived ? List.of(new Done("quoted")) : List.of();
        }
    }

    private static final class SlowGuessSeller implements ServicePolicy, NothingToStart {
        private final OneSellerGates gates;

        SlowGuessSeller(OneSellerGates gates) {
            this.gates = gates;
        }

        @Override
        public List<ServiceAction> onObservation(Observation observation, AgentContext context) {
            if (observation instanceof ServiceStarted) {
                await(gates.messagesSent);
                sleep(50); // so the kernel has filed the messages' senders first
            }
            return DeepSeller.react(observation, context.now());
        }

        @Override
        public Guess guess(Guess after, Observation observation, AgentContext context) {
            if (after != null && after.actions() == null) {
                gates.pastPending.incrementAndGet();
                gates.guessedPastPending.countDown();
            }
            return new Guess(new Known(0), null);
        }
    }

    /** A guessing policy with no slow part to start, finish or wait for: a recheck changes nothing. */
    private interface NothingToStart extends GuessingAhead {
        @Override
        default Guess recheck(Guess pending) {
            return pending;
        }

        @Override
        default void whenAnswered(Runnable listener) {}

        @Override
        default void prefetch(Observation observation, AgentContext context) {}
    }

    static final class DeepTally {
        final AtomicInteger twoStepsAhead = new AtomicInteger();
        final AtomicInteger unguessed = new AtomicInteger();
        final AtomicInteger wrong = new AtomicInteger();
    }

    /** A reaction known without the slow part: a pure function of the observation. */
    private record Known(int step) {}

    private static final class DeepShopper implements AssistantPolicy, NothingToStart {
        private final DeepTally tally;
        private final boolean watched;
        private final long sleepMillis;
        private final List<Observation> guessed = new ArrayList<>();
        private boolean proposalSeen;

        DeepShopper(DeepTally tally, boolean watched, long sleepMillis) {
            this.tally = tally;
            this.watched = watched;
            this.sleepMillis = sleepMillis;
        }

        private static List<AssistantAction> react(Observation observation, String self) {
            if (observation instanceof AssistantStarted) {
                return List.of(Message.inquiry("s" + self.substring(1), "a pizza, please", Map.of("pizza", 1)));
            }
            if (observation instanceof ProposalReceived received) {
                return List.of(
                        new Pay(received.proposal().id(), received.proposal().total()));
            }
            if (observation instanceof PaymentSettled) {
                return List.of(new Done("purchased"));
            }
            return List.of();
        }

        @Override
        public synchronized List<AssistantAction> onObservation(Observation observation, AgentContext context) {
            if (watched && !(observation instanceof AssistantStarted)) {
                if (!guessed.contains(observation)) {
                    tally.unguessed.incrementAndGet();
                }
            }
            proposalSeen |= observation instanceof ProposalReceived;
            sleep(sleepMillis);
            return react(observation, context.self());
        }

        @Override
        public synchronized Guess guess(Guess after, Observation observation, AgentContext context) {
            int step = after == null ? 0 : ((Known) after.state()).step() + 1;
            if (observation instanceof PaymentSettled && !proposalSeen) {
                tally.twoStepsAhead.incrementAndGet();
            }
            guessed.add(observation);
            return new Guess(new Known(step), react(observation, context.self()));
        }
    }

    private static final class DeepSeller implements ServicePolicy, NothingToStart {
        private static List<ServiceAction> react(Observation observation, long now) {
            if (observation instanceof MessageReceived m) {
                return List.of(new Propose(m.from(), List.of(new OrderLine("pizza", 1, 1200)), 1200, now + 60_000_000));
            }
            return List.of();
        }

        @Override
        public List<ServiceAction> onObservation(Observation observation, AgentContext context) {
            if (observation instanceof MessageReceived) {
                sleep(20);
            }
            return react(observation, context.now());
        }

        @Override
        public Guess guess(Guess after, Observation observation, AgentContext context) {
            return new Guess(new Known(0), react(observation, context.now()));
        }
    }

    private static SimulationSetup deepMarket(DeepTally tally, boolean rolling) {
        List<SimulationSetup.Agent<AssistantPolicy>> shoppers = new ArrayList<>();
        List<SimulationSetup.Agent<ServicePolicy>> sellers = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            shoppers.add(new SimulationSetup.Agent<>(
                    new DeepShopper(tally, i > 0, i == 0 ? 300 : 10), ThinkTime.fixed(i == 0 ? 1_000 : 3_000)));
            sellers.add(new SimulationSetup.Agent<>(new DeepSeller(), ThinkTime.fixed(3_000)));
        }
        return Sims.setup(
                Sims.catalog(PAIRS, PAIRS),
                shoppers,
                sellers,
                Sims.settings(Mode.ACTORS, 100, 1_000_000).withRolling(rolling));
    }

    private static void await(CountDownLatch gate) {
        try {
            gate.await(OneSellerGates.HOLD_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.mercato.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.policy.GuessingAhead;
import org.mercato.sim.policy.Prefetching;
import org.mercato.sim.policy.ServicePolicy;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.Done;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.protocol.ServiceAction;

/** Synthetic work keeps what the kernel needs to see of a policy: multi-step guessing and prefetching. */
class SyntheticWorkTest {
    private static final AgentContext CONTEXT = AgentContext.of("a1", 5, new SplittableRandom(1));
    private static final Observation SEEN = new MessageReceived("c1", "hello", new TreeMap<>());

    /** Guessing that records what reaches it and answers with fixed guesses. */
    private abstract static class Guesser implements GuessingAhead {
        final List<String> calls = new ArrayList<>();
        final Guess guessed = new Guess("state", List.of(new Done("guessed")));
        final Guess rechecked = new Guess("state", List.of());
        Runnable listener;

        @Override
        public Guess guess(Guess after, Observation observation, AgentContext context) {
            calls.add("guess " + (after == null ? "real" : after.state()));
            return guessed;
        }

        @Override
        public Guess recheck(Guess pending) {
            calls.add("recheck");
            return rechecked;
        }

        @Override
        public void whenAnswered(Runnable listener) {
            this.listener = listener;
        }

        @Override
        public void prefetch(Observation observation, AgentContext context) {
            calls.add("prefetch");
        }

        @Override
        public boolean wantsGuesses() {
            return false;
        }
    }

    private static final class GuessingShopper extends Guesser implements AssistantPolicy {
        @Override
        public List<AssistantAction> onObservation(Observation observation, AgentContext context) {
            calls.add("observe");
            return List.of();
        }
    }

    private static final class GuessingSeller extends Guesser implements ServicePolicy {
        @Override
        public List<ServiceAction> onObservation(Observation observation, AgentContext context) {
            calls.add("observe");
            return List.of();
        }
    }

    @Test
    void aGuessingPolicyWrappedInSyntheticWorkStillGuessesThroughTheWrapper() {
        GuessingShopper shopper = new GuessingShopper();
        AssistantPolicy shopping = SyntheticWork.around(shopper, 100);
        assertKeepsGuessing(shopper, shopping, () -> shopping.onObservation(SEEN, CONTEXT));

        GuessingSeller seller = new GuessingSeller();
        ServicePolicy selling = SyntheticWork.around(seller, 100);
        assertKeepsGuessing(seller, selling, () -> selling.onObservation(SEEN, CONTEXT));
    }

    private static void assertKeepsGuessing(Guesser policy, Object wrapped, Supplier<List<?>> observe) {
        assertThat(wrapped).isNotSameAs(policy).isInstanceOf(GuessingAhead.class);
        assertPassesThrough(policy, (GuessingAhead) wrapped);
        assertThat(observe.get()).isEmpty();
        assertThat(policy.calls).last().isEqualTo("observe");
    }

    @Test
    void aPlainPolicyStaysPlainAndAPrefetchingOneDoesNotStartGuessing() {
        ServicePolicy plain = (observation, context) -> List.of();
        assertThat(SyntheticWork.around(plain, 100)).isNotInstanceOf(Prefetching.class);
        AssistantPolicy prefetching = new PrefetchingOnly();
        assertThat(SyntheticWork.around(prefetching, 100))
                .isInstanceOf(Prefetching.class)
                .isNotInstanceOf(GuessingAhead.class);
    }

    private static final class PrefetchingOnly implements AssistantPolicy, Prefetching {
        @Override
        public List<AssistantAction> onObservation(Observation observation, AgentContext context) {
            return List.of();
        }

        @Override
        public void prefetch(Observation observation, AgentContext context) {}
    }

    private static void assertPassesThrough(Guesser policy, GuessingAhead wrapped) {
        assertThat(wrapped.guess(null, SEEN, CONTEXT)).isSameAs(policy.guessed);
        assertThat(wrapped.guess(policy.guessed, SEEN, CONTEXT)).isSameAs(policy.guessed);
        assertThat(wrapped.recheck(policy.guessed)).isSameAs(policy.rechecked);
        Runnable listener = () -> {};
        wrapped.whenAnswered(listener);
        assertThat(policy.listener).isSameAs(listener);
        wrapped.prefetch(SEEN, CONTEXT);
        assertThat(wrapped.wantsGuesses()).isFalse();
        assertThat(policy.calls).containsExactly("guess real", "guess state", "recheck", "prefetch");
    }
}

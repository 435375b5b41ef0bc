package org.mercato.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mercato.agents.SyntheticWork;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.GuessingAhead;
import org.mercato.sim.policy.Prefetching;
import org.mercato.sim.protocol.MessageReceived;

/** Prefetching and guessing ahead survive the synthetic-work wrapper, and is a no-op for a provider without a prefetcher. */
class PrefetchingPoliciesTest {
    private static final class Recorder implements ChatProvider {
        final List<LlmRequest> requests = new ArrayList<>();

        @Override
        public synchronized LlmResponse chat(LlmRequest request) {
            requests.add(request);
            return new LlmResponse(
                    "", List.of(new LlmToolCall("", "reply", "{\"customer\":\"c1\",\"text\":\"hi\"}")), 3, 1);
        }

        @Override
        public ProviderIdentity identity() {
            return new ProviderIdentity("openai", "m", 0, 64);
        }
    }

    private static final AgentContext CONTEXT = AgentContext.of("s1", 0, new SplittableRandom(1));

    @Test
    void syntheticWorkKeepsALlmPolicyPrefetchingAndGuessingAhead() {
        LlmClient client = new LlmClient(new Recorder(), null, CacheMode.OFF);
        var settings = new LlmAgentSettings(client, 20, 2, null);
        assertThat(SyntheticWork.around(new LlmAssistantPolicy(settings), 100)).isInstanceOf(GuessingAhead.class);
        assertThat(SyntheticWork.around(new LlmServicePolicy(settings, 1_000_000), 100))
                .isInstanceOf(GuessingAhead.class);
    }

    @Test
    void withoutAPrefetcherPrefetchSendsNothingAndTheRealCallIsAnsweredOnce() {
        Recorder model = new Recorder();
        LlmClient client = new LlmClient(model, null, CacheMode.OFF);
        LlmServicePolicy service = new LlmServicePolicy(new LlmAgentSettings(client, 20, 2, null), 1_000_000);
        MessageReceived message = new MessageReceived("c1", "hello", new TreeMap<>());

        ((Prefetching) SyntheticWork.around(service, 10)).prefetch(message, CONTEXT);
        assertThat(model.requests).isEmpty();

        assertThat(service.onObservation(message, CONTEXT)).hasSize(1);
        assertThat(model.requests).hasSize(1);
        assertThat(client.usage().httpCalls()).isEqualTo(1);
        assertThat(client.usage().prefetchedCalls()).isZero();
    }
}

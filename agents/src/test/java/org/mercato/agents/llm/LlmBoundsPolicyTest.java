package org.mercato.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.protocol.AssistantStarted;
import org.mercato.sim.protocol.Done;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.Reply;
import org.mercato.sim.protocol.ServiceStarted;
import org.mercato.sim.protocol.Wait;
import org.mercato.sim.protocol.WokenUp;

/** Reaching a bound ends an agent (or a service's conversation) without another call, and stops guesses. */
class LlmBoundsPolicyTest {
    /** Waits a second, or replies to the customer of the last message. */
    private static final class Stubborn implements ChatProvider {
        final AtomicInteger requests = new AtomicInteger();

        @Override
        public LlmResponse chat(LlmRequest request) {
            requests.incrementAndGet();
            String last = request.messages().get(request.messages().size() - 1).text();
            if (last.startsWith("Message from customer ")) {
                String customer = last.substring("Message from customer ".length(), last.indexOf(':'));
                String args = "{\"customer\":\"" + customer + "\",\"text\":\"hi\"}";
                return new LlmResponse("", List.of(new LlmToolCall("", "reply", args)), 3, 1);
            }
            return new LlmResponse("", List.of(new LlmToolCall("", "wait", "{\"seconds\":1}")), 3, 1);
        }

        @Override
        public ProviderIdentity identity() {
            return new ProviderIdentity("openai", "m", 0, 64);
        }
    }

    private static final Customer ANA = LlmToolArgumentsTest.ANA;

    private static AgentContext at(String self, long now) {
        return AgentContext.of(self, now, new SplittableRandom(1));
    }

    private static LlmAgentSettings settings(Stubborn model, LlmBounds bounds) {
        return new LlmAgentSettings(new LlmClient(model, null, CacheMode.OFF), 20, 2, null, bounds);
    }

    @Test
    void anAssistantEndsAtItsBoundOnTurnsWithoutAnotherCall() {
        Stubborn model = new Stubborn();
        var assistant = new LlmAssistantPolicy(
                settings(model, new LlmBounds(2, 300, RunBudget.unlimited().meter(null, null), "llm.limits")));

        assertThat(assistant.onObservation(new AssistantStarted(ANA), at("c1", 0)))
                .containsExactly(new Wait(1_000_000));
        assertThat(assistant.onObservation(new WokenUp(1_000_000), at("c1", 1_000_000)))
                .containsExactly(new Wait(2_000_000));
        assertThat(assistant.guess(null, new WokenUp(2_000_000), at("c1", 2_000_000)))
                .as("no guess beyond the bound")
                .isNull();
        assertThat(assistant.onObservation(new WokenUp(2_000_000), at("c1", 2_000_000)))
                .containsExactly(new Done(LlmBounds.TURNS));
        assertThat(model.requests).hasValue(2);
    }

    @Test
    void aServiceStopsAnsweringTheCustomerWhoseConversationReachedItsBound() {
        Stubborn model = new Stubborn();
        var seller = new LlmServicePolicy(
                settings(model, new LlmBounds(1, 300, RunBudget.unlimited().meter(null, null), "llm.limits")),
                1_000_000);
        seller.onObservation(new ServiceStarted(Service.of("s1", Map.of("Tacos", 900L), Set.of(), 4, 1)), at("s1", 0));

        assertThat(seller.onObservation(message("c1"), at("s1", 1))).containsExactly(new Reply("c1", "hi"));
        assertThat(seller.onObservation(message("c1"), at("s1", 2))).containsExactly(new Reply("c1", LlmBounds.TURNS));
        assertThat(seller.onObservation(message("c1"), at("s1", 3))).isEmpty();
        assertThat(seller.onObservation(message("c2"), at("s1", 4))).containsExactly(new Reply("c2", "hi"));
        assertThat(model.requests).hasValue(2);
    }

    @Test
    void theRunsBoundEndsEveryAgentAtItsNextTurnAndSilencesAService() {
        Stubborn model = new Stubborn();
        RunBudget budget = new RunBudget(2, Long.MAX_VALUE, null, "calls", "tokens", "money");
        LlmAgentSettings shared = settings(model, new LlmBounds(100, 300, budget.meter(null, null), "llm.limits"));
        var ana = new LlmAssistantPolicy(shared);
        var bea = new LlmAssistantPolicy(shared);
        var seller = new LlmServicePolicy(shared, 1_000_000);
        seller.onObservation(new ServiceStarted(Service.of("s1", Map.of("Tacos", 900L), Set.of(), 4, 1)), at("s1", 0));

        // outside the kernel a turn's key is its observation's time: both read nothing before 0
        assertThat(ana.onObservation(new AssistantStarted(ANA), at("c1", 0))).containsExactly(new Wait(1_000_000));
        assertThat(bea.onObservation(new AssistantStarted(ANA), at("c2", 0))).containsExactly(new Wait(1_000_000));
        assertThat(ana.onObservation(new WokenUp(1_000_000), at("c1", 1_000_000)))
                .containsExactly(new Done(RunBudget.CALLS));
        assertThat(seller.onObservation(message("c2"), at("s1", 1_000_000)))
                .containsExactly(new Reply("c2", RunBudget.CALLS));
        assertThat(seller.onObservation(message("c3"), at("s1", 1_000_001))).isEmpty();
        assertThat(model.requests).hasValue(2);
    }

    private static MessageReceived message(String customer) {
        return new MessageReceived(customer, "tacos?", new TreeMap<>());
    }
}

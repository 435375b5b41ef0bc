package org.mercato.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mercato.agents.PolicyRegistry;
import org.mercato.agents.base.InvalidParameterException;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.AssistantStarted;
import org.mercato.sim.protocol.Done;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.Message;
import org.mercato.sim.protocol.OrderDelivered;
import org.mercato.sim.protocol.Pay;
import org.mercato.sim.protocol.PaymentSettled;
import org.mercato.sim.protocol.Proposal;
import org.mercato.sim.protocol.ProposalReceived;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.protocol.SearchResults;
import org.mercato.sim.protocol.WokenUp;

/**
 * An LLM assistant over two visits against a model on loopback (a JDK HTTP server speaking the
 * OpenAI chat API): the return visit's system prompt tells the past orders, the first visit's
 * requests are those of an assistant without memory, byte for byte.
 */
class ReturnVisitPromptTest {
    private static final ObjectMapper JSON = LoopbackChatServer.JSON;
    private static final long DAY = 86_400_000_000L;

    private ScriptedShopperModel model;
    private List<String> bodies;

    @BeforeEach
    void start() throws IOException {
        model = new ScriptedShopperModel();
        bodies = model.bodies;
    }

    @AfterEach
    void stop() {
        model.close();
    }

    private LlmAgentSettings settings() {
        return model.settings(true);
    }

    private static AgentContext at(long now) {
        return AgentContext.of("ana", now, new SplittableRandom(1));
    }

    private static ListingView listing(String id) {
        return new ListingView(
                1, id, id, "", 4.0, 10, new TreeSet<>(Set.of("Outdoor Seating")), new TreeMap<>(), 1, 1, null);
    }

    private static Proposal proposal(String id, String service, long total) {
        return new Proposal(id, service, "ana", List.of(new OrderLine("Tacos", 1, total)), total, 0, DAY * 30);
    }

    /** One visit buying from {@code seller} at {@code total}, then its delivery at {@code quality}. */
    private static void buy(
            LlmAssistantPolicy shopper, int visit, String seller, String proposal, long total, double quality) {
        long t0 = visit * DAY;
        assertThat(shopper.onObservation(new AssistantStarted(LlmToolArgumentsTest.ANA, visit), at(t0)))
                .containsExactly(new Search("tacos", null, 0));
        assertThat(recipients(
                        shopper.onObservation(new SearchResults("tacos", 0, 1, List.of(listing(seller))), at(t0 + 10))))
                .containsExactly(seller);
        assertThat(shopper.onObservation(new ProposalReceived(proposal(proposal, seller, total)), at(t0 + 20)))
                .containsExactly(new Pay(proposal, total));
        assertThat(shopper.onObservation(new PaymentSettled(proposal, "ana", seller, total), at(t0 + 30)))
                .containsExactly(new Done("purchased"));
        assertThat(shopper.onObservation(new OrderDelivered(proposal, seller, quality), at(t0 + 40)))
                .isEmpty();
    }

    private static List<String> recipients(List<AssistantAction> actions) {
        return actions.stream()
                .filter(Message.class::isInstance)
                .map(a -> ((Message) a).to())
                .toList();
    }

    private String system(int request) {
        return model.system(request);
    }

    @Test
    void theReturnVisitsPromptSummarizesTheLastOrdersAndTheFirstVisitAsksAsWithoutMemory() throws IOException {
        LlmAssistantPolicy plain = new LlmAssistantPolicy(settings());
        buy(plain, 0, "s-1", "p1", 1200, 0.4);
        List<String> withoutMemory = List.copyOf(bodies);
        assertThat(withoutMemory).hasSize(4);
        bodies.clear();

        LlmAssistantPolicy remembering = new LlmAssistantPolicy(settings(), 2);
        buy(remembering, 0, "s-1", "p1", 1200, 0.4);
        assertThat(bodies).as("a first visit's requests are unchanged").isEqualTo(withoutMemory);
        assertThat(bodies).as("a delivery takes no model turn").hasSize(4);

        buy(remembering, 1, "s-2", "p2", 950, 1.0);
        String second = system(4);
        assertThat(second)
                .startsWith(system(0))
                .endsWith("\n\nThis customer has shopped here before. Its last order"
                        + " (quality 1.00 = delivered as listed, 0.00 = worthless):\n"
                        + "- from s-1: paid 12.00, delivered at quality 0.40\n");
        assertThat(JSON.readTree(bodies.get(4)).path("messages"))
                .as("a fresh conversation: the system prompt and the visit's first observation")
                .hasSize(2);

        // at most the last two orders: the first one is forgotten on the fourth visit
        buy(remembering, 2, "s-3", "p3", 800, 0.9);
        assertThat(remembering.onObservation(new AssistantStarted(LlmToolArgumentsTest.ANA, 3), at(3 * DAY)))
                .containsExactly(new Search("tacos", null, 0));
        assertThat(system(bodies.size() - 1))
                .contains("Its last 2 orders")
                .doesNotContain("s-1")
                .contains("- from s-2: paid 9.50, delivered at quality 1.00\n- from s-3: paid 8.00, delivered at"
                        + " quality 0.90\n");
    }

    @Test
    void withoutMemoryAReturnVisitStartsAFreshConversationWithTheFirstVisitsPrompt() throws IOException {
        LlmAssistantPolicy plain = new LlmAssistantPolicy(settings());
        buy(plain, 0, "s-1", "p1", 1200, 0.4);
        buy(plain, 1, "s-1", "p2", 1200, 0.4);
        assertThat(bodies).hasSize(8);
        assertThat(bodies.get(4)).isEqualTo(bodies.get(0));
    }

    @Test
    void guessesNeverCrossAVisitAndADeliveryIsGuessedAsNoTurn() {
        LlmAssistantPolicy shopper = new LlmAssistantPolicy(settings(), 3);
        buy(shopper, 0, "s-1", "p1", 1200, 0.4);
        int requests = bodies.size();
        assertThat(shopper.guess(null, new AssistantStarted(LlmToolArgumentsTest.ANA, 1), at(DAY)))
                .as("a finished visit does not mean the next one does nothing")
                .isNull();
        var delivered = shopper.guess(null, new OrderDelivered("p1", "s-1", 1.0), at(DAY));
        assertThat(delivered.actions()).isEmpty();
        assertThat(shopper.guess(null, new WokenUp(DAY), at(DAY)).actions()).isEmpty();
        shopper.prefetch(new OrderDelivered("p1", "s-1", 1.0), at(DAY));
        assertThat(bodies).hasSize(requests);
    }

    @Test
    void memoryIsAWholeNumberOfOrdersOrTheBehaviouralRulesMap() {
        PolicyRegistry registry = PolicyRegistry.builtIn();
        assertThat(LlmAssistantPolicy.memory(new org.mercato.agents.base.PolicyParams("llm-assistant", Map.of())))
                .isZero();
        assertThat(LlmAssistantPolicy.memory(
                        new org.mercato.agents.base.PolicyParams("llm-assistant", Map.of("memory", 7))))
                .isEqualTo(7);
        assertThat(LlmAssistantPolicy.memory(new org.mercato.agents.base.PolicyParams(
                        "llm-assistant", Map.of("memory", Map.of("keep", 0.9)))))
                .isEqualTo(LlmAssistantPolicy.DEFAULT_MEMORY);
        assertThatThrownBy(() -> registry.assistant("llm-assistant", Map.of("memory", 101)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("policy 'llm-assistant', parameter 'memory': expected a whole number of past orders"
                        + " from 0 to 100, got 101");
        assertThatThrownBy(() -> registry.assistant("llm-assistant", Map.of("memory", 2.5)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("expected a whole number");
    }
}

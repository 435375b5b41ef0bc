package org.mercato.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.AssistantStarted;
import org.mercato.sim.protocol.Done;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.Propose;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.protocol.ServiceStarted;
import org.mercato.sim.protocol.Wait;

/**
 * Tool arguments out of range are invalid calls, answered to the model with the error (and after
 * {@code maxToolErrors} of them the agent ends with {@code llm-error}); they never wrap.
 */
class LlmToolArgumentsTest {
    private static final long NOW = 5_000_000;

    /** Answers every request with the same tool call. */
    private static final class SameCall implements ChatProvider {
        final List<LlmRequest> requests = new ArrayList<>();
        final String tool;
        final String arguments;

        SameCall(String tool, String arguments) {
            this.tool = tool;
            this.arguments = arguments;
        }

        @Override
        public synchronized LlmResponse chat(LlmRequest request) {
            requests.add(request);
            return new LlmResponse("", List.of(new LlmToolCall("", tool, arguments)), 3, 1);
        }

        @Override
        public ProviderIdentity identity() {
            return new ProviderIdentity("openai", "m", 0, 64);
        }

        /** The tool result the model got for its first call. */
        String firstResult() {
            return requests.get(1).messages().get(3).text();
        }
    }

    static final Customer ANA = new Customer(
            "c1",
            "Ana",
            "tacos",
            new TreeMap<>(Map.of("Tacos", 1)),
            new TreeMap<>(Map.of("Tacos", 900L)),
            new TreeSet<>(),
            10_000);

    private static AgentContext at(long now) {
        return AgentContext.of("c1", now, new SplittableRandom(1));
    }

    private static List<AssistantAction> assistantActs(SameCall model) {
        var assistant =
                new LlmAssistantPolicy(new LlmAgentSettings(new LlmClient(model, null, CacheMode.OFF), 20, 2, null));
        return assistant.onObservation(new AssistantStarted(ANA), at(NOW));
    }

    @ParameterizedTest(name = "{0}({1})")
    @CsvSource(
            delimiter = '|',
            value = {
                "search|{\"query\":\"tacos\",\"page\":99999999999}|'page' must be at most 1000",
                "search|{\"query\":\"tacos\",\"page\":1e300}|'page' must be at most 1000",
                "search|{\"query\":\"tacos\",\"page\":2.5}|'page' must be a whole number",
                "search|{\"query\":\"tacos\",\"page\":-1}|'page' must be a number >= 0",
                "wait|{\"seconds\":1e300}|'seconds' must be at most 86400",
                "wait|{\"seconds\":1e999}|'seconds' must be at most 86400",
                "wait|{\"seconds\":86401}|'seconds' must be at most 86400",
                "wait|{\"seconds\":-5}|'seconds' must be a number >= 1",
                "wait|{\"seconds\":\"forever\"}|'seconds' must be a number >= 1",
            })
    void anArgumentOutOfRangeIsAnInvalidCall(String tool, String arguments, String error) {
        SameCall model = new SameCall(tool, arguments);

        assertThat(assistantActs(model)).containsExactly(new Done(LlmAssistantPolicy.LLM_ERROR));
        assertThat(model.requests).hasSize(3);
        assertThat(model.firstResult()).isEqualTo("error: " + error);
    }

    @Test
    void aTextBeyondTheLongestTakenIsAnInvalidCall() {
        SameCall model = new SameCall(
                "message", "{\"to\":\"s1\",\"text\":\"" + "x".repeat(LlmConversation.MAX_TEXT + 1) + "\"}");

        assertThat(assistantActs(model)).containsExactly(new Done(LlmAssistantPolicy.LLM_ERROR));
        assertThat(model.firstResult()).isEqualTo("error: 'text' must be at most 10000 characters");
    }

    @Test
    void argumentsInRangeStillWork() {
        assertThat(assistantActs(new SameCall("search", "{\"query\":\"tacos\",\"page\":2.0}")))
                .containsExactly(new Search("tacos", null, 2));
        assertThat(assistantActs(new SameCall("search", "{\"query\":\"tacos\",\"page\":1000}")))
                .containsExactly(new Search("tacos", null, 1000));
        assertThat(assistantActs(new SameCall("wait", "{\"seconds\":86400}")))
                .containsExactly(new Wait(NOW + 86_400_000_000L));
        assertThat(assistantActs(new SameCall("wait", "{\"seconds\":2.4}"))).containsExactly(new Wait(NOW + 2_000_000));
    }

    @Test
    void aModelsReasonThatReadsLikeAFailureIsMarkedAsTheModels() {
        assertThat(assistantActs(new SameCall("done", "{\"reason\":\"limit:turns\"}")))
                .containsExactly(new Done("model:limit:turns"));
        assertThat(assistantActs(new SameCall("done", "{\"reason\":\"llm-error\"}")))
                .containsExactly(new Done("model:llm-error"));
        assertThat(assistantActs(new SameCall("done", "{\"reason\":\"purchased\"}")))
                .containsExactly(new Done("purchased"));
    }

    @ParameterizedTest(name = "quantity {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1e10|'quantity' must be at most 1000",
                "99999999999|'quantity' must be at most 1000",
                "1.5|'quantity' must be a whole number",
                "0|'quantity' must be a number >= 1",
            })
    void aProposalQuantityOutOfRangeIsAnInvalidCall(String quantity, String error) {
        SameCall model = new SameCall(
                "propose", "{\"customer\":\"c1\",\"lines\":[{\"item\":\"Tacos\",\"quantity\":" + quantity + "}]}");
        var seller = new LlmServicePolicy(
                new LlmAgentSettings(new LlmClient(model, null, CacheMode.OFF), 20, 2, null), 1_000_000);
        seller.onObservation(new ServiceStarted(Service.of("s1", Map.of("Tacos", 900L), Set.of(), 4, 1)), at(0));

        var actions = seller.onObservation(new MessageReceived("c1", "tacos?", new TreeMap<>()), at(NOW));

        assertThat(actions).noneMatch(a -> a instanceof Propose);
        assertThat(model.requests).hasSize(3);
        assertThat(model.requests.get(1).messages().get(3).text()).isEqualTo("error: " + error);
    }
}

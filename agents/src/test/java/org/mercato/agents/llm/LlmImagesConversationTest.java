package org.mercato.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Pages as images in a conversation: only the latest is sent as an image, the PNG is made only when
 * a request goes out, and image tokens count as input (when the server reports none) and against
 * the run's bound on tokens before the call.
 */
class LlmImagesConversationTest {
    /** A model that reports no usage, remembering the requests and touching each image's PNG. */
    private static final class NoUsage implements ChatProvider {
        final List<LlmRequest> requests = new ArrayList<>();

        @Override
        public synchronized LlmResponse chat(LlmRequest request) {
            requests.add(request);
            request.messages().forEach(m -> m.images().forEach(LlmImage::bytes));
            return new LlmResponse("", List.of(new LlmToolCall("", "ok", "{}")), 0, 2);
        }

        @Override
        public ProviderIdentity identity() {
            return new ProviderIdentity("openai", "vision", 0, 64);
        }
    }

    private static LlmMessage page(String sha, AtomicInteger rendered) {
        LlmImage image = new LlmImage(sha, "1280x800", 1105, () -> {
            rendered.incrementAndGet();
            return new byte[] {1};
        });
        return LlmMessage.user("Search results, shown in the screenshot.", List.of(image));
    }

    @Test
    void onlyTheLatestPageIsAnImageAndItsTokensCountAsInput() {
        NoUsage model = new NoUsage();
        LlmClient client = new LlmClient(model, null, CacheMode.OFF);
        var chat = new LlmConversation<String>(new LlmAgentSettings(client, 20, 1, null), List.of());
        chat.system("sys");
        AtomicInteger rendered = new AtomicInteger();
        chat.observe(page("a".repeat(64), rendered));
        chat.turn((tool, args) -> List.of(tool));
        chat.observe(page("b".repeat(64), rendered));
        chat.turn((tool, args) -> List.of(tool));

        LlmRequest second = model.requests.get(1);
        assertThat(second.images()).isEqualTo(1);
        assertThat(second.messages().get(1).images()).isEmpty();
        assertThat(second.messages().get(1).text()).isEqualTo("Search results, shown in the screenshot.");
        assertThat(second.messages().get(4).images()).extracting(LlmImage::page).containsExactly("b".repeat(64));
        assertThat(rendered).hasValue(2);
        assertThat(client.usage().images()).isEqualTo(2);
        assertThat(client.usage().imageTokens()).isEqualTo(2 * 1105);
        assertThat(client.usage().inputTokens()).isEqualTo(2 * 1105);
    }

    @Test
    void theRunsBoundOnTokensRefusesATurnWhoseImagesWouldPassItBeforeTheCall() {
        NoUsage model = new NoUsage();
        RunBudget budget = new RunBudget(1_000, 2_000, null, "calls", "tokens", "money");
        LlmBounds bounds = new LlmBounds(10, 10, budget.meter(null, null), "test");
        var chat = new LlmConversation<String>(
                new LlmAgentSettings(new LlmClient(model, null, CacheMode.OFF), 20, 1, null, bounds), List.of());
        chat.system("sys");
        AtomicInteger rendered = new AtomicInteger();
        chat.observe(page("a".repeat(64), rendered));
        assertThat(chat.turn((tool, args) -> List.of(tool), new LlmConversation.TurnAt(1, 1, "c1", null)))
                .isEqualTo(new LlmConversation.Actions<>(List.of("ok")));
        // charged 1105 input (the estimate) + 2 output; a second page would reach 2,212 >= 2,000
        assertThat(budget.spent()[1]).isEqualTo(1107);
        chat.observe(page("b".repeat(64), rendered));
        assertThat(chat.turn((tool, args) -> List.of(tool), new LlmConversation.TurnAt(5, 5, "c1", null)))
                .isEqualTo(new LlmConversation.Limited<>(RunBudget.TOKENS));
        assertThat(model.requests).hasSize(1);
        assertThat(rendered).hasValue(1);
    }
}

package org.mercato.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mercato.sim.domain.Service;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.GuessingAhead.Guess;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.PaymentSettled;
import org.mercato.sim.protocol.Reply;
import org.mercato.sim.protocol.ServiceStarted;

/** An LLM seller keeps one conversation per customer, so guesses for one need not wait for another. */
class LlmServicePolicyTest {
    private static final Service SHOP = Service.of("s1", Map.of("Tacos", 900L), Set.of(), 4, 1);

    /** Replies to the customer of the request's last message; holds answers for {@code held} until released. */
    private static final class Model implements ChatProvider {
        final List<LlmRequest> requests = new ArrayList<>();
        final CountDownLatch release = new CountDownLatch(1);
        final String held;
        final Prefetcher prefetcher;

        Model(String held) {
            this.held = held;
            this.prefetcher = new Prefetcher(new Semaphore(8), this::answer, new AtomicInteger(), 32);
        }

        @Override
        public LlmResponse chat(LlmRequest request) {
            return answer(request);
        }

        private LlmResponse answer(LlmRequest request) {
            synchronized (this) {
                requests.add(request);
            }
            String last = request.messages().get(request.messages().size() - 1).text();
            String customer = last.substring("Message from customer ".length(), last.indexOf(':'));
            if (customer.equals(held)) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String args = "{\"customer\":\"" + customer + "\",\"text\":\"hello " + customer + "\"}";
            return new LlmResponse("", List.of(new LlmToolCall("", "reply", args)), 3, 1);
        }

        @Override
        public ProviderIdentity identity() {
            return new ProviderIdentity("openai", "m", 0, 64);
        }

        @Override
        public Prefetcher prefetcher() {
            return prefetcher;
        }

        synchronized String all() {
            return requests.toString();
        }
    }

    private static AgentContext at(long now) {
        return AgentContext.of("s1", now, new SplittableRandom(1));
    }

    private static MessageReceived from(String customer, String text) {
        return new MessageReceived(customer, text, new TreeMap<>());
    }

    private static LlmServicePolicy seller(Model model) {
        LlmClient client = new LlmClient(model, null, CacheMode.OFF);
        LlmServicePolicy seller = new LlmServicePolicy(new LlmAgentSettings(client, 20, 2, null), 1_000_000);
        seller.onObservation(new ServiceStarted(SHOP), at(0));
        return seller;
    }

    @Test
    void eachCustomerHasAConversationOfItsOwn() {
        Model model = new Model(null);
        LlmServicePolicy seller = seller(model);

        assertThat(seller.onObservation(from("c1", "tacos please"), at(1)))
                .containsExactly(new Reply("c1", "hello c1"));
        assertThat(seller.onObservation(from("c2", "any burritos?"), at(2)))
                .containsExactly(new Reply("c2", "hello c2"));
        seller.onObservation(new PaymentSettled("s1-p1", "c1", "s1", 900), at(3));
        seller.onObservation(from("c1", "thanks"), at(4));

        String second = model.requests.get(1).toString();
        assertThat(second).contains("any burritos?").doesNotContain("c1");
        String third = model.requests.get(2).toString();
        assertThat(third).contains("tacos please", "hello c1", "paid", "thanks").doesNotContain("burritos", "c2");
        // the system prompt opens every conversation
        assertThat(model.requests)
                .allSatisfy(r -> assertThat(r.messages().get(0).role()).isEqualTo("system"));
    }

    @Test
    void aTurnWaitingForItsAnswerDoesNotHoldUpGuessesForAnotherCustomer() throws InterruptedException {
        Model model = new Model("c1");
        LlmServicePolicy seller = seller(model);
        try {
            Guess first = seller.guess(null, from("c1", "tacos please"), at(1));
            assertThat(first).isNotNull();
            assertThat(first.actions()).as("c1's answer is held").isNull();

            Guess second = seller.guess(first, from("c2", "any burritos?"), at(2));
            assertThat(second).isNotNull();
            for (int i = 0; i < 500 && second.actions() == null; i++) {
                Thread.sleep(10);
                second = seller.recheck(second);
            }
            assertThat(second.actions()).isEqualTo(List.of(new Reply("c2", "hello c2")));
            assertThat(seller.recheck(first)).as("still held").isSameAs(first);

            model.release.countDown();
            Guess settled = first;
            for (int i = 0; i < 500 && settled.actions() == null; i++) {
                Thread.sleep(10);
                settled = seller.recheck(settled);
            }
            assertThat(settled.actions()).isEqualTo(List.of(new Reply("c1", "hello c1")));

            // the real turns take the answers sent ahead: no second request for either
            assertThat(seller.onObservation(from("c1", "tacos please"), at(1)))
                    .containsExactly(new Reply("c1", "hello c1"));
            assertThat(seller.onObservation(from("c2", "any burritos?"), at(2)))
                    .containsExactly(new Reply("c2", "hello c2"));
            assertThat(model.requests).as(model.all()).hasSize(2);
        } finally {
            model.release.countDown();
            model.prefetcher.close();
        }
    }

    @Test
    void anAssistantCannotGuessPastItsOwnPendingTurn() {
        Model model = new Model(null);
        LlmClient client = new LlmClient(model, null, CacheMode.OFF);
        LlmAssistantPolicy assistant = new LlmAssistantPolicy(new LlmAgentSettings(client, 20, 2, null));
        Guess pending = new Guess(new Object(), null);
        assertThat(assistant.guess(pending, from("s1", "hello"), at(1))).isNull();
        model.prefetcher.close();
    }
}

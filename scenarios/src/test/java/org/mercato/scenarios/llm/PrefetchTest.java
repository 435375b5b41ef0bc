package org.mercato.scenarios.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mercato.agents.llm.CacheMode;
import org.mercato.agents.llm.LangChainProvider;
import org.mercato.agents.llm.LlmAgentSettings;
import org.mercato.agents.llm.LlmAssistantPolicy;
import org.mercato.agents.llm.LlmClient;
import org.mercato.agents.llm.LlmException;
import org.mercato.agents.llm.LlmMessage;
import org.mercato.agents.llm.LlmRequest;
import org.mercato.agents.llm.LlmResponse;
import org.mercato.agents.llm.LlmServicePolicy;
import org.mercato.agents.llm.LlmTool;
import org.mercato.agents.llm.ProviderSettings;
import org.mercato.agents.llm.ResponseCache;
import org.mercato.scenarios.model.LlmPrice;
import org.mercato.scenarios.run.CostInfo;
import org.mercato.scenarios.run.LlmGroup;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.AssistantStarted;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.SearchResults;

/**
 * Speculative requests against the scripted model on loopback: an identical real call claims the
 * answer (one HTTP request), a wrong guess is one wasted, paid call, real calls overtake queued
 * guesses, replay sends nothing, and a policy's prefetch changes neither its state nor its actions.
 */
class PrefetchTest extends ScriptedServerTest {
    private static final LlmTool SEARCH = new LlmTool(
            "search", "Search the market", List.of(new LlmTool.Param("query", "string", "what to look for", true)));

    private LangChainProvider provider;

    @AfterEach
    void closeProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    private LangChainProvider provider(int concurrency) {
        provider = LangChainProvider.create(
                new ProviderSettings(
                        "openai", server.url("/v1").toString(), "scripted", 0, 64, null, concurrency, 5_000, 0, 1),
                name -> null);
        return provider;
    }

    /** A first assistant turn whose last user message the scripted model answers with a done call. */
    private static LlmRequest request(String text) {
        return new LlmRequest(
                List.of(LlmMessage.system("You shop for customer c1."), LlmMessage.user(text)), List.of(SEARCH));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 5 s").isLessThan(deadline);
            Thread.sleep(2);
        }
    }

    @Test
    void anIdenticalRealCallClaimsTheSpeculativeAnswer() throws Exception {
        model.delayMillis = 100;
        LangChainProvider chat = provider(2);
        ResponseCache cache = new ResponseCache(dir.resolve("cache"), 100);
        LlmClient client = new LlmClient(chat, cache, CacheMode.RECORD);
        LlmRequest request = request("Your payment went through.");

        client.prefetch(request);
        await(() -> chat.prefetcher().started() == 1);
        LlmResponse answer = client.chat(request); // the speculative call is running: waits for it

        assertThat(model.requests.get()).isEqualTo(1);
        assertThat(answer.toolCalls())
                .singleElement()
                .satisfies(c -> assertThat(c.name()).isEqualTo("done"));
        assertThat(client.usage().httpCalls()).isEqualTo(1);
        assertThat(client.usage().prefetchedCalls()).isEqualTo(1);
        assertThat(client.usage().inputTokens()).isEqualTo(100);
        assertThat(Files.exists(dir.resolve("cache").resolve(ResponseCache.key(chat.identity(), request) + ".json")))
                .isTrue();
        // the answer is in this run's cache now: offering it again sends nothing
        client.prefetch(request);
        chat.close();
        assertThat(model.requests.get()).isEqualTo(1);
        assertThat(client.usage().wastedCalls()).isZero();
        assertThat(chat.prefetcher().claimed()).isEqualTo(1);
        assertThat(chat.prefetcher().wasted()).isZero();
    }

    @Test
    void aWrongGuessIsOneWastedCallAndIsPaidFor() throws Exception {
        LangChainProvider chat = provider(1);
        LlmClient client = new LlmClient(chat, null, CacheMode.OFF);

        client.prefetch(request("Your payment went through."));
        await(() -> chat.prefetcher().started() == 1);
        client.chat(request("Nothing left to buy.")); // gets the only permit after the guess finished

        assertThat(model.requests.get()).isEqualTo(2);
        assertThat(client.usage().httpCalls()).isEqualTo(1);
        assertThat(client.usage().prefetchedCalls()).isZero();
        assertThat(client.usage().wastedCalls()).isZero();
        chat.close();
        assertThat(client.usage().wastedCalls()).isEqualTo(1);
        assertThat(client.usage().wastedInputTokens()).isEqualTo(100);
        assertThat(chat.prefetcher().wasted()).isEqualTo(1);

        CostInfo cost = CostInfo.of(
                List.of(new LlmGroup("assistant", 0, "llm-assistant", 1, client)),
                Map.of("scripted", new LlmPrice(1.0, 2.0)));
        assertThat(cost.httpCalls()).isEqualTo(1);
        assertThat(cost.wasted()).isEqualTo(1);
        assertThat(cost.prefetched()).isNull();
        assertThat(cost.groups().get(0).usage().wasted()).isEqualTo(1);
        // the real call and the wasted one: 200 input and 20 output tokens at 1 and 2 per million
        assertThat(cost.money()).isEqualTo((200 * 1.0 + 20 * 2.0) / 1e6, Offset.offset(1e-12));
    }

    @Test
    void aRealCallWaitsForAtMostOneQueuedGuess() throws Exception {
        model.delayMillis = 80;
        LangChainProvider chat = provider(1);
        LlmClient client = new LlmClient(chat, null, CacheMode.OFF);
        for (int i = 1; i <= 4; i++) { // 4 x concurrency may wait
            client.prefetch(request("guess " + i));
        }
        await(() -> model.requests.get() == 1); // guess 1 holds the permit, guess 2 waits for it

        client.chat(request("the real one"));

        List<String> order;
        synchronized (model.bodies) { // guess 3 may be arriving
            order = model.bodies.stream()
                    .map(b -> ScriptedModel.lastUser(ScriptedModel.read(b)))
                    .toList();
        }
        assertThat(order.get(0)).isEqualTo("guess 1");
        // guess 2 normally, when the scheduler queued for the permit before the real call did
        assertThat(order.indexOf("the real one")).isBetween(1, 2);
        chat.close();
        assertThat(chat.prefetcher().cancelled()).isGreaterThanOrEqualTo(1);
        assertThat(chat.pending()).isZero();
    }

    @Test
    void unclaimedAnswersAreKeptUpToFourTimesTheLimitThenTheOldestIsWasted() throws Exception {
        LangChainProvider chat = provider(1);
        LlmClient client = new LlmClient(chat, null, CacheMode.OFF);
        for (int i = 1; i <= 5; i++) {
            client.prefetch(request("guess " + i));
            int sent = i;
            await(() -> model.requests.get() == sent && chat.inFlight() == 0);
        }
        await(() -> chat.prefetcher().wasted() == 1);

        client.chat(request("guess 1")); // dropped: asked again
        client.chat(request("guess 5")); // kept: claimed

        assertThat(model.requests.get()).isEqualTo(6);
        assertThat(client.usage().prefetchedCalls()).isEqualTo(1);
        assertThat(client.usage().wastedCalls()).isEqualTo(1);
        chat.close();
        assertThat(client.usage().wastedCalls()).isEqualTo(4);
        assertThat(client.usage().wastedInputTokens()).isEqualTo(400);
    }

    @Test
    void replayModesSendNoSpeculativeRequest() throws Exception {
        LangChainProvider chat = provider(2);
        ResponseCache cache = new ResponseCache(dir.resolve("cache"), 100);
        LlmRequest recorded = request("Your payment went through.");
        new LlmClient(chat, cache, CacheMode.RECORD).chat(recorded);
        LlmClient replay = new LlmClient(chat, cache, CacheMode.REPLAY);
        LlmClient strict = new LlmClient(chat, cache, CacheMode.REPLAY_STRICT);

        for (LlmClient client : List.of(replay, strict)) {
            client.prefetch(recorded);
            client.prefetch(request("never recorded"));
        }
        assertThat(strict.chat(recorded)).isEqualTo(replay.chat(recorded));
        assertThatThrownBy(() -> strict.chat(request("never recorded"))).isInstanceOf(LlmException.class);
        Thread.sleep(100);

        assertThat(model.requests.get()).isEqualTo(1);
        assertThat(chat.prefetcher().started()).isZero();
        // so the kernel does not even guess for them; a recording policy does want guesses
        for (LlmClient client : List.of(replay, strict)) {
            assertThat(new LlmAssistantPolicy(new LlmAgentSettings(client, 20, 2, null)).wantsGuesses())
                    .isFalse();
        }
        assertThat(new LlmServicePolicy(
                                new LlmAgentSettings(new LlmClient(chat, cache, CacheMode.RECORD), 20, 2, null),
                                1_000_000)
                        .wantsGuesses())
                .isTrue();
        assertThat(new LlmServicePolicy(
                                new LlmAgentSettings(new LlmClient(chat, cache, CacheMode.RECORD, false), 20, 2, null),
                                1_000_000)
                        .wantsGuesses())
                .as("llm.prefetch: false")
                .isFalse();
    }

    private static AgentContext context(long now) {
        return AgentContext.of("c1", now, new SplittableRandom(1));
    }

    private static final Customer CUSTOMER = new Customer(
            "c1",
            "Ana",
            "Tacos and a horchata",
            new TreeMap<>(Map.of("Tacos", 1, "Horchata", 1)),
            new TreeMap<>(Map.of("Tacos", 1000L, "Horchata", 350L)),
            new TreeSet<>(),
            5_000);

    private static final SearchResults RESULTS = new SearchResults(
            "tacos",
            0,
            1,
            List.of(new ListingView(
                    1,
                    "s1",
                    "Taqueria",
                    "tacos",
                    4.5,
                    12,
                    new TreeSet<>(),
                    new TreeMap<>(Map.of("Tacos", 950L)),
                    1,
                    1,
                    null)));

    private LlmAssistantPolicy assistant(LlmClient client) {
        return new LlmAssistantPolicy(new LlmAgentSettings(client, 20, 2, null));
    }

    @Test
    void aPolicysRightGuessSavesTheCallAndAWrongOneChangesNothing() throws Exception {
        LangChainProvider chat = provider(4);
        LlmClient guessedRight = new LlmClient(chat, null, CacheMode.OFF);
        LlmClient guessedWrong = new LlmClient(chat, null, CacheMode.OFF);
        LlmClient plain = new LlmClient(chat, null, CacheMode.OFF, false);
        LlmAssistantPolicy right = assistant(guessedRight);
        LlmAssistantPolicy wrong = assistant(guessedWrong);
        LlmAssistantPolicy without = assistant(plain);
        AssistantStarted started = new AssistantStarted(CUSTOMER);

        List<AssistantAction> rightFirst = right.onObservation(started, context(0));
        right.prefetch(RESULTS, context(5));
        await(() -> chat.prefetcher().started() == 1);
        List<AssistantAction> rightSecond = right.onObservation(RESULTS, context(5));
        assertThat(model.requests.get()).isEqualTo(2);

        wrong.onObservation(started, context(0));
        wrong.prefetch(new MessageReceived("s9", "Hello there", new TreeMap<>()), context(5));
        await(() -> model.requests.get() == 4 && chat.inFlight() == 0);
        int before = model.bodies.size();
        List<AssistantAction> wrongSecond = wrong.onObservation(RESULTS, context(5));
        String wrongRequest = model.bodies.get(before);

        List<AssistantAction> withoutFirst = without.onObservation(started, context(0));
        before = model.bodies.size();
        List<AssistantAction> withoutSecond = without.onObservation(RESULTS, context(5));
        String plainRequest = model.bodies.get(before);

        assertThat(rightFirst).isEqualTo(withoutFirst);
        assertThat(rightSecond).isEqualTo(withoutSecond).isEqualTo(wrongSecond);
        assertThat(rightSecond.get(0).toString()).contains("s1");
        assertThat(wrongRequest).isEqualTo(plainRequest);
        assertThat(guessedRight.usage().httpCalls()).isEqualTo(2);
        assertThat(guessedRight.usage().prefetchedCalls()).isEqualTo(1);
        assertThat(guessedWrong.usage().httpCalls()).isEqualTo(2);
        // right: 2 requests, wrong: 3 (one guess), without: 2
        assertThat(model.requests.get()).isEqualTo(7);
        chat.close();
        assertThat(guessedWrong.usage().wastedCalls()).isEqualTo(1);
        assertThat(guessedRight.usage().wastedCalls()).isZero();
    }
}

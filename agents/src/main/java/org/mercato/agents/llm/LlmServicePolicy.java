package org.mercato.agents.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mercato.agents.base.Conversations;
import org.mercato.agents.base.PolicyEntry;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.GuessingAhead;
import org.mercato.sim.policy.ServicePolicy;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.protocol.PaymentSettled;
import org.mercato.sim.protocol.ProposalDeclined;
import org.mercato.sim.protocol.Propose;
import org.mercato.sim.protocol.Rejected;
import org.mercato.sim.protocol.Reply;
import org.mercato.sim.protocol.ServiceAction;
import org.mercato.sim.protocol.ServiceStarted;

/**
 * A selling agent driven by a language model. Like Magentic Marketplace's business agent, it keeps
 * one conversation per customer (the system prompt, then only that customer's messages, payments,
 * declines and refusals), so what it tells one customer never depends on another's chat. Only a
 * customer's message starts a model turn; the tools are {@code reply} and {@code propose} (items
 * and quantities from the menu, at menu prices, valid for {@code validity}). Services cannot say
 * {@code Done}, so a failure is recorded as a reply with text {@code llm-error} to the customer
 * whose message could not be answered (the service counts as failed, once, with its first
 * failure's cause); when the provider is down the service then stays silent.
 * The bounds of {@link LlmBounds} on turns and calls hold per customer conversation (only
 * customers make a service talk): reaching one answers that customer with a reply whose text is
 * the bound's reason ({@code limit:turns}, {@code limit:calls}) and the service stays silent to
 * that customer after; reaching a bound of the run's {@link RunBudget} answers the customer with
 * its reason ({@code limit:run-calls}, ...) and the service stays silent to everyone after. A
 * proposal takes at most {@link #MAX_LINES} lines of at most {@link #MAX_QUANTITY} each. As {@link
 * GuessingAhead}, it sends ahead the request an expected customer message would cause, and one
 * customer's pending turn does not hold up guesses for the others.
 */
public final class LlmServicePolicy implements ServicePolicy, GuessingAhead {
    /** How the registry knows this policy: its name, parameters and their parsing. */
    public static final PolicyEntry<ServicePolicy> ENTRY =
            PolicyEntry.llm("llm-service", List.of("validity"), params -> {
                long validity = params.micros("validity", 600_000_000);
                // the model settings are read per agent, so a scenario is checked without them
                return () -> new LlmServicePolicy(params.llm(LlmAgentSettings.class), validity);
            });

    /** The most lines one proposal takes. */
    public static final int MAX_LINES = 100;
    /** The largest quantity of one proposal line. */
    public static final int MAX_QUANTITY = 1000;

    static final List<LlmTool> TOOLS = List.of(
            new LlmTool(
                    "reply",
                    "Answer a customer with text.",
                    List.of(
                            new LlmTool.Param("customer", "string", "the customer id", true),
                            new LlmTool.Param("text", "string", "the answer", true))),
            new LlmTool(
                    "propose",
                    "Send a customer an order proposal at your menu prices.",
                    List.of(
                            new LlmTool.Param("customer", "string", "the customer id", true),
                            new LlmTool.Param("lines", "lines", "items from your menu and quantities", true))));

    /** The system prompt every customer's conversation starts from (never used for a turn itself). */
    private final LlmConversation<ServiceAction> base;

    private final Map<String, LlmConversation<ServiceAction>> conversations = new TreeMap<>();
    /** Customers whose conversation reached a bound: the service no longer answers them. */
    private final Set<String> closed = new TreeSet<>();

    private final String template;
    private final long validity;
    private Service service;
    private boolean ended;
    private boolean failed;

    public LlmServicePolicy(LlmAgentSettings settings, long validity) {
        this.base = new LlmConversation<>(settings, TOOLS);
        this.template = settings.promptTemplate() != null ? settings.promptTemplate() : Prompts.builtIn("service");
        this.validity = validity;
    }

    @Override
    public List<ServiceAction> onObservation(Observation observation, AgentContext context) {
        if (ended) {
            return List.of();
        }
        if (observation instanceof ServiceStarted started) {
            service = started.service();
            List<String> menu = new ArrayList<>();
            service.menu().forEach((item, price) -> menu.add("- " + item + ": " + Prompts.money(price)));
            base.system(Prompts.fill(
                    template,
                    Map.of(
                            "self", service.id(),
                            "name", service.name(),
                            "description", service.description(),
                            "menu", String.join("\n", menu),
                            "amenities", service.amenities().toString())));
            return List.of();
        }
        String customer = customerOf(observation);
        if (customer != null && closed.contains(customer)) {
            return List.of();
        }
        if (!(observation instanceof MessageReceived message)) {
            LlmConversation<ServiceAction> chat = customer == null ? null : conversations.get(customer);
            if (chat != null) {
                chat.observe(render(observation));
            }
            return List.of();
        }
        LlmConversation<ServiceAction> chat = conversations.computeIfAbsent(customer, c -> base.fresh());
        chat.observe(render(message));
        var outcome = chat.turn(
                (tool, args) -> parse(tool, args, context.now()),
                LlmConversation.TurnAt.of(
                        context, "service " + context.self() + " (conversation with " + customer + ")"));
        if (outcome instanceof LlmConversation.Actions<ServiceAction> actions) {
            return actions.actions();
        }
        if (outcome instanceof LlmConversation.Limited<ServiceAction> limited) {
            if (limited.reason().equals(LlmBounds.TURNS) || limited.reason().equals(LlmBounds.CALLS)) {
                closed.add(customer);
            } else {
                ended = true;
            }
            return List.of(new Reply(message.from(), limited.reason()));
        }
        if (outcome instanceof LlmConversation.ProviderDown<ServiceAction>) {
            ended = true;
        }
        if (!failed) { // a service counts as failed once, with its first failure's cause
            failed = true;
            base.agentFailed((LlmConversation.Failed<ServiceAction>) outcome);
        }
        return List.of(new Reply(message.from(), LlmAssistantPolicy.LLM_ERROR));
    }

    /**
     * Sends ahead the request of the turn a {@link MessageReceived} would start, exactly as {@link
     * #onObservation} would build it; changes nothing here. Other observations start no turn.
     */
    @Override
    public void prefetch(Observation observation, AgentContext context) {
        if (ended || !(observation instanceof MessageReceived message) || closed.contains(message.from())) {
            return;
        }
        LlmConversation<ServiceAction> chat = conversations.getOrDefault(message.from(), base);
        if (chat.mayGuess()) {
            chat.prefetch(render(message), context.now());
        }
    }

    /**
     * The conversations as guessed, by customer: a {@link LlmConversation.Shadow}, or an {@link
     * Answering} turn; a customer not in the map has the real conversation (or none yet).
     */
    private record Ahead(Map<String, Object> conversations) {
        Ahead with(String customer, Object conversation) {
            Map<String, Object> next = new TreeMap<>(conversations);
            next.put(customer, conversation);
            return new Ahead(next);
        }
    }

    /** A guessed turn sent ahead, waiting for its answer. */
    private record Answering(LlmConversation.GuessedTurn turn, long now) {}

    /** The state of a pending guess: {@code customer}'s conversation in {@code ahead} is answering. */
    private record Turn(Ahead ahead, String customer) {}

    /** An observation for a conversation whose guessed turn still waits: guessed again on recheck. */
    private record Waiting(Ahead from, Observation observation, long now) {}

    /** Stands for a guessed conversation whose turn had an invalid call: the guess ends there. */
    private static final LlmConversation.Shadow INVALID = new LlmConversation.Shadow(List.of(), -1, 0, 0);

    /**
     * Guesses ahead from {@code after} (or the real state), even while a turn with another customer
     * is pending: a customer's message starts a turn, sent ahead, whose actions are known once its
     * answer is at hand; a payment, decline or refusal joins that customer's conversation.
     */
    @Override
    public Guess guess(Guess after, Observation observation, AgentContext context) {
        if (observation instanceof ServiceStarted || service == null) {
            return null;
        }
        Ahead from;
        if (after == null) {
            from = new Ahead(Map.of());
        } else if (after.state() instanceof Turn turn) {
            from = turn.ahead();
        } else if (after.state() instanceof Ahead ahead) {
            from = ahead;
        } else {
            return null; // after an observation still waiting, nothing can be guessed
        }
        return ended ? new Guess(from, List.of()) : guessFrom(from, observation, context.now());
    }

    private Guess guessFrom(Ahead from, Observation observation, long now) {
        String customer = customerOf(observation);
        boolean message = observation instanceof MessageReceived;
        if (customer == null
                || closed.contains(customer)
                || !message && !from.conversations().containsKey(customer) && !conversations.containsKey(customer)) {
            return new Guess(from, List.of());
        }
        LlmConversation.Shadow shadow = shadow(from, customer);
        if (shadow == null) {
            return new Guess(new Waiting(from, observation, now), null);
        }
        if (shadow == INVALID) {
            return null;
        }
        if (!message) {
            return new Guess(from.with(customer, base.observed(shadow, render(observation))), List.of());
        }
        if (!base.mayGuess(shadow)) {
            return null; // the turn would reach a bound: nothing to send ahead
        }
        Answering turn = new Answering(base.guessTurn(shadow, render((MessageReceived) observation), now), now);
        return recheck(new Guess(new Turn(from.with(customer, turn), customer), null));
    }

    /** {@code customer}'s guessed conversation; null while its guessed turn waits for the answer. */
    private LlmConversation.Shadow shadow(Ahead from, String customer) {
        Object guessed = from.conversations().get(customer);
        if (guessed == null) {
            return conversations.getOrDefault(customer, base).shadow();
        }
        if (guessed instanceof LlmConversation.Shadow shadow) {
            return shadow;
        }
        Answering answering = (Answering) guessed;
        var answer = base.answerIfReady(answering.turn(), (tool, args) -> parse(tool, args, answering.now()));
        if (answer == null) {
            return null;
        }
        return answer.failed() ? INVALID : LlmConversation.after(answering.turn(), answer);
    }

    /** Not when replaying or with {@code prefetch: false}: nothing would be sent. */
    @Override
    public boolean wantsGuesses() {
        return base.prefetches();
    }

    @Override
    public void whenAnswered(Runnable listener) {
        base.whenAnswered(listener);
    }

    @Override
    public Guess recheck(Guess pending) {
        if (pending.state() instanceof Waiting waiting) {
            Guess again = guessFrom(waiting.from(), waiting.observation(), waiting.now());
            return again != null && again.state() instanceof Waiting ? pending : again;
        }
        Turn turn = (Turn) pending.state();
        Answering answering = (Answering) turn.ahead().conversations().get(turn.customer());
        return LlmConversation.settle(
                base,
                pending,
                answering.turn(),
                (tool, args) -> parse(tool, args, answering.now()),
                answer -> turn.ahead().with(turn.customer(), LlmConversation.after(answering.turn(), answer)));
    }

    /** The customer an observation is about, whose conversation it joins; null for none. */
    private static String customerOf(Observation observation) {
        return Conversations.customerOf(observation);
    }

    private static String render(MessageReceived message) {
        return "Message from customer " + message.from() + ": " + message.text()
                + (message.items().isEmpty() ? "" : " (items wanted: " + Prompts.json(message.items()) + ")");
    }

    private List<ServiceAction> parse(String tool, JsonNode args, long now) {
        return switch (tool) {
            case "reply" ->
                List.of(new Reply(LlmConversation.text(args, "customer"), LlmConversation.text(args, "text")));
            case "propose" -> {
                String customer = LlmConversation.text(args, "customer");
                JsonNode lines = args.get("lines");
                if (lines == null || !lines.isArray() || lines.isEmpty()) {
                    throw new LlmConversation.InvalidCall("'lines' must be a non-empty array of {item, quantity}");
                }
                if (lines.size() > MAX_LINES) {
                    throw new LlmConversation.InvalidCall("'lines' must have at most " + MAX_LINES + " lines");
                }
                List<OrderLine> order = new ArrayList<>();
                for (JsonNode line : lines) {
                    if (!line.isObject()) {
                        throw new LlmConversation.InvalidCall("each line must be an object {item, quantity}");
                    }
                    String item = LlmConversation.text(line, "item");
                    Long price = service.menu().get(item);
                    if (price == null) {
                        throw new LlmConversation.InvalidCall("'" + item + "' is not on your menu");
                    }
                    int quantity = (int) LlmConversation.number(line, "quantity", 1, 1, MAX_QUANTITY, true);
                    order.add(new OrderLine(item, quantity, price));
                }
                yield List.of(new Propose(customer, order, OrderLine.total(order), now + validity));
            }
            default ->
                throw new LlmConversation.InvalidCall("unknown tool '" + tool + "'; tools: "
                        + TOOLS.stream().map(LlmTool::name).toList());
        };
    }

    private static String render(Observation observation) {
        if (observation instanceof PaymentSettled s) {
            return "Customer " + s.customer() + " paid " + Prompts.money(s.amount()) + " for proposal " + s.proposalId()
                    + ".";
        }
        if (observation instanceof ProposalDeclined d) {
            return "Customer " + d.customer() + " declined proposal " + d.proposalId() + ".";
        }
        if (observation instanceof Rejected r) {
            return "The market refused your " + r.action() + " (" + r.ref() + "): "
                    + r.reason().label();
        }
        return observation.toString();
    }
}

package org.mercato.agents.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.GuessingAhead;
import org.mercato.sim.policy.Prefetching;
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
 * A selling agent driven by a language model. Only a customer's message starts a model turn (other
 * observations join the history); the tools are {@code reply} and {@code propose} (items and
 * quantities from the menu, at menu prices, valid for {@code validity}). Services cannot say
 * {@code Done}, so a failure is recorded as a reply with text {@code llm-error} to the customer
 * whose message could not be answered; when the provider is down the service then stays silent. As
 * {@link Prefetching}, it sends ahead the request an expected customer message would cause.
 */
public final class LlmServicePolicy implements ServicePolicy, GuessingAhead {
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

    private final LlmConversation<ServiceAction> chat;
    private final String template;
    private final long validity;
    private Service service;
    private boolean ended;

    public LlmServicePolicy(LlmAgentSettings settings, long validity) {
        this.chat = new LlmConversation<>(settings, TOOLS);
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
            chat.system(Prompts.fill(
                    template,
                    Map.of(
                            "self", service.id(),
                            "name", service.name(),
                            "description", service.description(),
                            "menu", String.join("\n", menu),
                            "amenities", service.amenities().toString())));
            return List.of();
        }
        if (!(observation instanceof MessageReceived message)) {
            chat.observe(render(observation));
            return List.of();
        }
        chat.observe(render(message));
        var outcome = chat.turn((tool, args) -> parse(tool, args, context.now()));
        if (outcome instanceof LlmConversation.Actions<ServiceAction> actions) {
            return actions.actions();
        }
        if (outcome instanceof LlmConversation.ProviderDown<ServiceAction>) {
            ended = true;
            chat.agentFailed();
        }
        return List.of(new Reply(message.from(), LlmAssistantPolicy.LLM_ERROR));
    }

    /**
     * Sends ahead the request of the turn a {@link MessageReceived} would start, exactly as {@link
     * #onObservation} would build it; changes nothing here. Other observations start no turn.
     */
    @Override
    public void prefetch(Observation observation, AgentContext context) {
        if (ended || !(observation instanceof MessageReceived message)) {
            return;
        }
        chat.prefetch(render(message), context.now());
    }

    /** A guess waiting for its answer. */
    private record Pending(LlmConversation.GuessedTurn turn, long now) {}

    /**
     * Guesses ahead from {@code after} (or the real state): a customer's message starts a turn,
     * sent ahead, whose actions are known once its answer is at hand; anything else joins the history.
     */
    @Override
    public Guess guess(Guess after, Observation observation, AgentContext context) {
        if (observation instanceof ServiceStarted || service == null) {
            return null;
        }
        LlmConversation.Shadow from = after == null ? chat.shadow() : (LlmConversation.Shadow) after.state();
        if (ended) {
            return new Guess(from, List.of());
        }
        if (!(observation instanceof MessageReceived message)) {
            return new Guess(chat.observed(from, render(observation)), List.of());
        }
        return recheck(
                new Guess(new Pending(chat.guessTurn(from, render(message), context.now()), context.now()), null));
    }

    /** Not when replaying or with {@code prefetch: false}: nothing would be sent. */
    @Override
    public boolean wantsGuesses() {
        return chat.prefetches();
    }

    @Override
    public void whenAnswered(Runnable listener) {
        chat.whenAnswered(listener);
    }

    @Override
    public Guess recheck(Guess pending) {
        Pending waiting = (Pending) pending.state();
        return LlmConversation.settle(
                chat,
                pending,
                waiting.turn(),
                (tool, args) -> parse(tool, args, waiting.now()),
                answer -> LlmConversation.after(waiting.turn(), answer));
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
                    order.add(new OrderLine(item, (int) LlmConversation.number(line, "quantity", 1, 1), price));
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

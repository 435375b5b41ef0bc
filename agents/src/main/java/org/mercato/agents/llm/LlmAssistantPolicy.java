package org.mercato.agents.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mercato.agents.base.FailureReasons;
import org.mercato.agents.base.InvalidParameterException;
import org.mercato.agents.base.PolicyEntry;
import org.mercato.agents.base.PolicyParams;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.policy.GuessingAhead;
import org.mercato.sim.policy.Prefetching;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.AssistantStarted;
import org.mercato.sim.protocol.Decline;
import org.mercato.sim.protocol.Done;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.Message;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.protocol.OrderDelivered;
import org.mercato.sim.protocol.Pay;
import org.mercato.sim.protocol.PaymentSettled;
import org.mercato.sim.protocol.Proposal;
import org.mercato.sim.protocol.ProposalReceived;
import org.mercato.sim.protocol.Rejected;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.protocol.SearchResults;
import org.mercato.sim.protocol.Wait;
import org.mercato.sim.protocol.WokenUp;

/**
 * A shopping assistant driven by a language model. Every observation is one user message and one
 * model turn; the tools are {@code search}, {@code message}, {@code pay}, {@code decline}, {@code
 * wait} and {@code done}. When the model keeps calling tools wrongly, or the provider is down, the
 * assistant ends with {@code Done("llm-error")}, which the event log records; when a bound of its
 * {@link LlmBounds} or of the run's {@link RunBudget} is reached, with {@code Done} and the bound's
 * reason ({@code limit:turns}, {@code limit:run-calls}, ...). Arguments out of range (a page
 * beyond {@link #MAX_PAGE}, a wait beyond {@link #MAX_WAIT_SECONDS}, a text beyond {@link
 * LlmConversation#MAX_TEXT} characters) are invalid calls. As {@link Prefetching}, it sends ahead
 * the first request an expected observation would cause.
 *
 * <p>Each {@link AssistantStarted} starts a visit with a fresh conversation (and fresh per-agent
 * bounds). With {@code memory} k above 0, the system prompt of a return visit ({@code visit} > 0)
 * ends with a summary of the customer's last k orders ({@link PastOrders}: seller, amount paid,
 * delivered quality); the first visit's requests are those of a policy without memory, byte for
 * byte. {@link OrderDelivered} takes no model turn of the shopping conversation; when the market
 * asks for the text of the customer's review of it ({@link OrderDelivered#reviewText()}), one turn
 * of its own writes it ({@link LlmReviewWriter}), also after the visit.
 */
public final class LlmAssistantPolicy implements AssistantPolicy, GuessingAhead {
    /** How the registry knows this policy: its name, parameters and their parsing. */
    public static final PolicyEntry<AssistantPolicy> ENTRY = PolicyEntry.unchecked(
            "llm-assistant",
            true,
            // one parameter of its own, memory; a behavioural group's other params are ignored, so
            // the group switches to the model with one key (agents.assistants[0].policy=llm-assistant);
            // the model settings are read per agent, so a scenario is checked without them
            params -> {
                int memory = memory(params);
                return () -> new LlmAssistantPolicy(params.llm(LlmAgentSettings.class), memory);
            });

    /** The parameter naming how many past orders a return visit's prompt summarizes. */
    public static final String MEMORY = "memory";
    /** The orders summarized when {@code memory} is a behavioural group's rules (a map). */
    public static final int DEFAULT_MEMORY = 5;
    /** The most orders a prompt summarizes. */
    public static final int MAX_MEMORY = 100;

    public static final String LLM_ERROR = "llm-error";
    /** The highest results page the {@code search} tool takes. */
    public static final int MAX_PAGE = 1000;
    /** The longest {@code wait} the tool takes, in seconds (one day). */
    public static final int MAX_WAIT_SECONDS = 86_400;
    /** The most item names one {@code message} takes. */
    public static final int MAX_ITEMS = 100;

    static final List<LlmTool> TOOLS = List.of(
            new LlmTool(
                    "search",
                    "Search the marketplace; results arrive as the next message.",
                    List.of(
                            new LlmTool.Param("query", "string", "what to search for", true),
                            new LlmTool.Param("page", "integer", "results page, from 0", false))),
            new LlmTool(
                    "message",
                    "Write to a business, e.g. to ask for a proposal for some items.",
                    List.of(
                            new LlmTool.Param("to", "string", "the business id from the search results", true),
                            new LlmTool.Param("text", "string", "the message", true),
                            new LlmTool.Param("items", "strings", "items you want a proposal for", false))),
            new LlmTool(
                    "pay",
                    "Pay a proposal (its full total).",
                    List.of(new LlmTool.Param("proposal", "string", "the proposal id", true))),
            new LlmTool(
                    "decline",
                    "Turn a proposal down.",
                    List.of(new LlmTool.Param("proposal", "string", "the proposal id", true))),
            new LlmTool(
                    "wait",
                    "Wait for answers for some seconds of market time.",
                    List.of(new LlmTool.Param("seconds", "number", "how long to wait", true))),
            new LlmTool(
                    "done",
                    "Stop shopping.",
                    List.of(new LlmTool.Param("reason", "string", "why, e.g. purchased", true))));

    private final LlmAgentSettings settings;
    private final String template;
    private final PastOrders past;
    private LlmConversation<AssistantAction> chat;
    private final Map<String, Proposal> proposals = new TreeMap<>();
    private Customer customer;
    private boolean finished;

    public LlmAssistantPolicy(LlmAgentSettings settings) {
        this(settings, 0);
    }

    /** With a summary of the last {@code memory} orders in a return visit's prompt (0: none). */
    public LlmAssistantPolicy(LlmAgentSettings settings, int memory) {
        if (memory < 0 || memory > MAX_MEMORY) {
            throw new IllegalArgumentException("memory must lie in [0, " + MAX_MEMORY + "], was " + memory);
        }
        this.settings = settings;
        this.chat = new LlmConversation<>(settings, TOOLS);
        this.template = settings.promptTemplate() != null ? settings.promptTemplate() : Prompts.builtIn("assistant");
        this.past = new PastOrders(memory);
    }

    /**
     * The {@code memory} parameter: a whole number k in [0, {@link #MAX_MEMORY}]; a map (the
     * behavioural rules of a group switched to this policy) means {@link #DEFAULT_MEMORY}; absent, 0.
     */
    static int memory(PolicyParams params) {
        if (params.isMap(MEMORY)) {
            return DEFAULT_MEMORY;
        }
        int memory = params.intValue(MEMORY, 0);
        if (memory < 0 || memory > MAX_MEMORY) {
            throw new InvalidParameterException(
                    params.policy(),
                    MEMORY,
                    "expected a whole number of past orders from 0 to " + MAX_MEMORY + ", got " + memory);
        }
        return memory;
    }

    @Override
    public List<AssistantAction> onObservation(Observation observation, AgentContext context) {
        if (observation instanceof OrderDelivered delivered) {
            past.delivered(delivered);
            // during or after a visit: nothing for the shopping conversation to do about it
            return delivered.reviewText() && customer != null
                    ? LlmReviewWriter.write(settings, customer, delivered, context)
                    : List.of();
        }
        if (observation instanceof PaymentSettled settled) {
            past.paid(settled);
        }
        if (observation instanceof AssistantStarted started) {
            start(started);
        }
        if (finished) {
            return List.of();
        }
        if (observation instanceof ProposalReceived received) {
            proposals.put(received.proposal().id(), received.proposal());
        }
        chat.observe(message(observation, true));
        var outcome = chat.turn(
                (tool, args) -> parse(tool, args, context.now(), proposals),
                LlmConversation.TurnAt.of(context, "assistant " + context.self()));
        if (outcome instanceof LlmConversation.Actions<AssistantAction> actions) {
            if (actions.actions().stream().anyMatch(a -> a instanceof Done)) {
                finished = true;
            }
            return actions.actions();
        }
        finished = true;
        if (outcome instanceof LlmConversation.Limited<AssistantAction> limited) {
            return List.of(new Done(limited.reason()));
        }
        chat.agentFailed((LlmConversation.Failed<AssistantAction>) outcome);
        return List.of(new Done(LLM_ERROR));
    }

    /** A visit starts: a fresh conversation whose system prompt tells, on a return visit, the past orders. */
    private void start(AssistantStarted started) {
        customer = started.customer();
        finished = false;
        proposals.clear();
        if (started.visit() > 0) {
            chat = new LlmConversation<>(settings, TOOLS);
        }
        String system = Prompts.fill(
                template,
                Map.of(
                        "self", customer.id(),
                        "request", customer.request(),
                        "items", Prompts.json(customer.items()),
                        "amenities", customer.requiredAmenities().toString(),
                        "budget", Prompts.money(customer.budget())));
        chat.system(started.visit() > 0 ? system + past.summary() : system);
    }

    /**
     * Sends ahead the request of the turn {@code observation} would start, exactly as {@link
     * #onObservation} would build it; changes nothing here. Not for {@link AssistantStarted}, whose
     * system prompt is not set yet.
     */
    @Override
    public void prefetch(Observation observation, AgentContext context) {
        if (finished
                || observation instanceof AssistantStarted
                || observation instanceof OrderDelivered
                || !chat.mayGuess()) {
            return;
        }
        chat.prefetch(message(observation, false), context.now());
    }

    /** A guessed state: the conversation, the proposals known and whether it has finished. */
    private record Ahead(LlmConversation.Shadow chat, Map<String, Proposal> proposals, boolean finished) {}

    /** A guessed turn waiting for its answer. */
    private record Pending(LlmConversation.GuessedTurn turn, Map<String, Proposal> proposals, long now) {}

    /**
     * Guesses ahead: the turn {@code observation} would start from {@code after} (or the real
     * state), sent ahead; its actions once the answer is at hand. Not for {@link AssistantStarted},
     * which starts a visit afresh even after the last one finished; an {@link OrderDelivered} takes
     * no turn.
     */
    @Override
    public Guess guess(Guess after, Observation observation, AgentContext context) {
        if (after != null && after.actions() == null) {
            return null; // one conversation: the next turn needs the pending one's answer
        }
        if (observation instanceof AssistantStarted
                || observation instanceof OrderDelivered delivered && delivered.reviewText()) {
            return null; // a review's text is a turn of its own, not guessed
        }
        Ahead from =
                after == null ? new Ahead(chat.shadow(), new TreeMap<>(proposals), finished) : (Ahead) after.state();
        if (from.finished() || observation instanceof OrderDelivered) {
            return new Guess(from, List.of());
        }
        if (customer == null || !chat.mayGuess(from.chat())) {
            return null;
        }
        Map<String, Proposal> known = from.proposals();
        if (observation instanceof ProposalReceived received) {
            known = new TreeMap<>(known);
            known.put(received.proposal().id(), received.proposal());
        }
        return recheck(new Guess(
                new Pending(
                        chat.guessTurn(from.chat(), message(observation, false), context.now()), known, context.now()),
                null));
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
                (tool, args) -> parse(tool, args, waiting.now(), waiting.proposals()),
                answer -> new Ahead(
                        LlmConversation.after(waiting.turn(), answer),
                        waiting.proposals(),
                        answer.actions().stream().anyMatch(a -> a instanceof Done)));
    }

    private List<AssistantAction> parse(String tool, JsonNode args, long now, Map<String, Proposal> proposals) {
        return switch (tool) {
            case "search" ->
                List.of(new Search(LlmConversation.text(args, "query"), null, (int)
                        LlmConversation.number(args, "page", 0, 0, MAX_PAGE, true)));
            case "message" ->
                List.of(new Message(LlmConversation.text(args, "to"), LlmConversation.text(args, "text"), items(args)));
            case "pay" -> {
                String id = LlmConversation.text(args, "proposal");
                Proposal proposal = proposals.get(id);
                if (proposal == null) {
                    throw new LlmConversation.InvalidCall(
                            "no proposal with id '" + id + "'; known: " + proposals.keySet());
                }
                yield List.of(new Pay(id, proposal.total()));
            }
            case "decline" -> List.of(new Decline(LlmConversation.text(args, "proposal")));
            case "wait" -> {
                long micros = 1_000_000 * LlmConversation.number(args, "seconds", -1, 1, MAX_WAIT_SECONDS, false);
                yield List.of(new Wait(now > Long.MAX_VALUE - micros ? Long.MAX_VALUE : now + micros));
            }
            case "done" -> List.of(new Done(modelReason(LlmConversation.text(args, "reason"))));
            default ->
                throw new LlmConversation.InvalidCall("unknown tool '" + tool + "'; tools: "
                        + TOOLS.stream().map(LlmTool::name).toList());
        };
    }

    /**
     * The model's reason, cut to 80 characters; one that reads like the reasons of a failed agent
     * ({@code llm-error}, {@code limit:...}, {@code external-...}) is marked {@code model:} so it is
     * not taken for one.
     */
    private static String modelReason(String reason) {
        String cut = reason.length() > 80 ? reason.substring(0, 80) : reason;
        return FailureReasons.marked("model:", cut);
    }

    private TreeMap<String, Integer> items(JsonNode args) {
        TreeMap<String, Integer> items = new TreeMap<>();
        JsonNode node = args.get("items");
        if (node == null || node.isNull()) {
            return items;
        }
        if (!node.isArray()) {
            throw new LlmConversation.InvalidCall("'items' must be an array of item names");
        }
        if (node.size() > MAX_ITEMS) {
            throw new LlmConversation.InvalidCall("'items' must name at most " + MAX_ITEMS + " items");
        }
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw new LlmConversation.InvalidCall("'items' must be an array of item names");
            }
            if (item.asText().length() > LlmConversation.MAX_TEXT) {
                throw new LlmConversation.InvalidCall(
                        "an item name must be at most " + LlmConversation.MAX_TEXT + " characters");
            }
            items.put(item.asText(), customer.items().getOrDefault(item.asText(), 1));
        }
        return items;
    }

    /**
     * The user message of {@code observation}: its text, or for a results page what the group's
     * {@link LlmPages} channel shows; {@code real}: a turn that happens, not a guess sent ahead.
     */
    private LlmMessage message(Observation observation, boolean real) {
        if (observation instanceof SearchResults results) {
            return settings.pages()
                    .show(
                            results,
                            render(observation),
                            settings.client().identity().kind(),
                            real);
        }
        return LlmMessage.user(render(observation));
    }

    static String render(Observation observation) {
        if (observation instanceof AssistantStarted) {
            return "You start shopping now.";
        }
        if (observation instanceof SearchResults results) {
            StringBuilder out = new StringBuilder("Search results for '" + results.query() + "', page " + results.page()
                    + " of " + results.totalPages() + " (pages count from 0):");
            if (results.listings().isEmpty()) {
                out.append(" none");
            }
            for (ListingView l : results.listings()) {
                out.append("\n")
                        .append(l.rank())
                        .append(". id ")
                        .append(l.service())
                        .append(": ")
                        .append(l.name());
                out.append(", rating ")
                        .append(l.rating())
                        .append(" (")
                        .append(l.reviewCount())
                        .append(" reviews)");
                out.append(", amenities ").append(l.amenities());
                if (!l.prices().isEmpty()) {
                    out.append(", prices ");
                    List<String> prices = new ArrayList<>();
                    l.prices().forEach((item, price) -> prices.add(item + " " + Prompts.money(price)));
                    out.append(prices);
                }
            }
            return out.toString();
        }
        if (observation instanceof MessageReceived m) {
            return "Message from " + m.from() + ": " + m.text();
        }
        if (observation instanceof ProposalReceived received) {
            Proposal p = received.proposal();
            List<String> lines = new ArrayList<>();
            for (OrderLine line : p.lines()) {
                lines.add(line.quantity() + " x " + line.item() + " at " + Prompts.money(line.unitPrice()));
            }
            return "Proposal " + p.id() + " from " + p.service() + ": " + lines + ", total " + Prompts.money(p.total())
                    + ", valid until t=" + p.validUntil() + "us";
        }
        if (observation instanceof PaymentSettled s) {
            return "Your payment of " + Prompts.money(s.amount()) + " for proposal " + s.proposalId() + " to "
                    + s.service() + " went through.";
        }
        if (observation instanceof Rejected r) {
            return "The market refused your " + r.action() + " (" + r.ref() + "): "
                    + r.reason().label();
        }
        if (observation instanceof WokenUp w) {
            return "You woke up at t=" + w.at() + "us.";
        }
        return observation.toString();
    }
}

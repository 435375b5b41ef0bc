package org.mercato.agents.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.mercato.agents.transcript.TurnOrigin;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.GuessingAhead;
import org.mercato.sim.protocol.Action;

/**
 * One agent's chat with its model. Observations become user messages; each turn sends the system
 * prompt, a summary line for what was cut and the last {@code history} messages (never starting
 * with a tool result, which would lose its call), with the role's tools. Each tool call is parsed
 * into an action by the policy; an invalid call (unknown tool, bad JSON, missing or wrong
 * argument) or an answer without a call is sent back as an error and the model asked again, up to
 * {@code maxToolErrors} times per turn. The turn's outcome is a list of actions, {@link ToolErrors}
 * when the model kept getting it wrong, {@link ProviderDown} when the provider failed (after its
 * retries), or {@link Limited} when a bound of {@link LlmBounds} (turns and calls of this
 * conversation) or of the run's {@link RunBudget} is reached: then no call is made.
 *
 * @param <A> the role's action type
 */
final class LlmConversation<A> {
    private final LlmAgentSettings settings;
    private final List<LlmTool> tools;
    private final List<LlmMessage> history = new ArrayList<>();
    private String system = "";
    private int callIds;
    private int turns;
    private int calls;

    LlmConversation(LlmAgentSettings settings, List<LlmTool> tools) {
        this.settings = settings;
        this.tools = List.copyOf(tools);
    }

    void system(String text) {
        system = text;
    }

    /** A new, empty conversation with the same model, tools and system prompt. */
    LlmConversation<A> fresh() {
        LlmConversation<A> conversation = new LlmConversation<>(settings, tools);
        conversation.system = system;
        return conversation;
    }

    void observe(String text) {
        observe(LlmMessage.user(text));
    }

    void observe(LlmMessage message) {
        history.add(message);
    }

    sealed interface Outcome<A> {}

    record Actions<A>(List<A> actions) implements Outcome<A> {}

    /** The turn failed; {@code why}: one short line naming the provider and model (a failure's cause). */
    sealed interface Failed<A> extends Outcome<A> {
        String why();
    }

    record ToolErrors<A>(String why) implements Failed<A> {}

    record ProviderDown<A>(String why) implements Failed<A> {}

    /** A bound was reached; {@code reason} is its {@code done} reason ({@code limit:...}). */
    record Limited<A>(String reason) implements Outcome<A> {}

    /**
     * Where a turn happens: the virtual time of its observation, its key in the run's budget (see
     * {@link RunBudget#keyOf}), who takes it, for the log, and for its transcript (null: none).
     */
    record TurnAt(long now, long key, String who, TurnOrigin origin) {
        static TurnAt of(AgentContext context, String who) {
            return of(context, who, null);
        }

        /** {@code role}: the turn's role in the transcript, null for the client's group role. */
        static TurnAt of(AgentContext context, String who, String role) {
            return new TurnAt(context.now(), RunBudget.keyOf(context), who, TurnOrigin.of(context, role));
        }
    }

    /** Thrown by a parser for an invalid call; the message goes back to the model. */
    static final class InvalidCall extends RuntimeException {
        InvalidCall(String message) {
            super(message, null, false, false);
        }
    }

    /** A turn outside a simulation (at time 0). */
    Outcome<A> turn(BiFunction<String, JsonNode, List<A>> parser) {
        return turn(parser, new TurnAt(0, 0, "agent", null));
    }

    /**
     * Runs one turn: asks the model, parses its calls with {@code parser}, retries on errors; first
     * checks the bounds, and each call against the bound on calls.
     */
    Outcome<A> turn(BiFunction<String, JsonNode, List<A>> parser, TurnAt at) {
        LlmBounds bounds = settings.bounds();
        if (turns >= bounds.turns()) {
            return limited(LlmBounds.TURNS, at);
        }
        String run = bounds.run().refusal(at.now(), request().imageTokens());
        if (run != null) {
            return new Limited<>(run);
        }
        turns++;
        int errors = 0;
        while (true) {
            if (calls >= bounds.calls()) {
                return limited(LlmBounds.CALLS, at);
            }
            calls++;
            LlmResponse response;
            LlmRequest request = request();
            try {
                response = settings.client().chat(request, at.origin());
            } catch (LlmException e) {
                bounds.run().charge(at.key(), null);
                return new ProviderDown<>(e.reason());
            }
            bounds.run().charge(at.key(), response, request.imageTokens());
            Answer<A> answer = read(response, callIds, parser);
            callIds = answer.callIds();
            history.addAll(answer.messages());
            if (!answer.failed()) {
                return new Actions<>(answer.actions());
            }
            settings.client().toolError();
            if (response.toolCalls().isEmpty()) {
                history.add(LlmMessage.user("error: answer by calling one of the tools "
                        + tools.stream().map(LlmTool::name).toList() + "; plain text is not an action"));
            }
            if (++errors > settings.maxToolErrors()) {
                ProviderIdentity model = settings.client().identity();
                return new ToolErrors<>(
                        model.kind() + " " + model.model() + " invalid tool calls (" + errors + " in one turn)");
            }
        }
    }

    /**
     * What one answer does: the assistant message and a tool result per call (ids filled in from
     * the counter {@code callIds}), the counter after, the actions, and whether a call was invalid
     * (or there was none), in which case the actions are not to be taken.
     */
    record Answer<A>(List<LlmMessage> messages, int callIds, List<A> actions, boolean failed) {}

    private Answer<A> read(LlmResponse response, int callIds, BiFunction<String, JsonNode, List<A>> parser) {
        List<LlmToolCall> calls = new ArrayList<>();
        for (LlmToolCall call : response.toolCalls()) {
            calls.add(call.id().isEmpty() ? new LlmToolCall("call_" + ++callIds, call.name(), call.arguments()) : call);
        }
        List<LlmMessage> messages = new ArrayList<>();
        messages.add(LlmMessage.assistant(response.text(), calls));
        List<String> problems = new ArrayList<>();
        List<A> actions = new ArrayList<>();
        for (LlmToolCall call : calls) {
            try {
                actions.addAll(parser.apply(call.name(), arguments(call)));
                problems.add(null);
            } catch (InvalidCall e) {
                problems.add(e.getMessage());
            }
        }
        boolean failed = calls.isEmpty() || problems.stream().anyMatch(p -> p != null);
        for (int i = 0; i < calls.size(); i++) {
            String problem = problems.get(i);
            messages.add(LlmMessage.toolResult(
                    calls.get(i),
                    problem != null
                            ? "error: " + problem
                            : failed ? "not executed: another call in this answer was invalid; call it again" : "ok"));
        }
        return new Answer<>(messages, callIds, actions, failed);
    }

    private Limited<A> limited(String reason, TurnAt at) {
        settings.bounds().reached(reason, at.who());
        return new Limited<>(reason);
    }

    /**
     * The conversation as guessed ahead: a history and call counter of its own, and the turns and
     * model calls it has taken.
     */
    record Shadow(List<LlmMessage> history, int callIds, int turns, int calls) {}

    /**
     * Whether a turn from {@code from} may be guessed: no bound of this conversation or of the run
     * is reached (a guessed turn takes one call; an invalid one ends the guess).
     */
    boolean mayGuess(Shadow from) {
        return mayGuess(from.turns(), from.calls());
    }

    /** Whether a turn of the conversation as it is may be guessed (see {@link #mayGuess(Shadow)}). */
    boolean mayGuess() {
        return mayGuess(turns, calls);
    }

    private boolean mayGuess(int turnsTaken, int callsMade) {
        LlmBounds bounds = settings.bounds();
        return turnsTaken < bounds.turns()
                && callsMade < bounds.calls()
                && !bounds.run().reached();
    }

    /** A guessed turn whose request has been sent ahead; {@code key} null when nothing was sent. */
    record GuessedTurn(Shadow before, List<LlmMessage> history, LlmRequest request, String key) {}

    boolean prefetches() {
        return settings.client().prefetches();
    }

    void whenAnswered(Runnable listener) {
        settings.client().whenAnswered(listener);
    }

    /** The real conversation, as the start of a guess. */
    Shadow shadow() {
        return new Shadow(List.copyOf(history), callIds, turns, calls);
    }

    /** {@code from} with {@code userText} observed, no turn. */
    Shadow observed(Shadow from, String userText) {
        return observed(from, LlmMessage.user(userText));
    }

    /** {@code from} with {@code message} observed, no turn. */
    Shadow observed(Shadow from, LlmMessage message) {
        List<LlmMessage> next = new ArrayList<>(from.history());
        next.add(message);
        return new Shadow(next, from.callIds(), from.turns(), from.calls());
    }

    /** The turn {@code userText} would start from {@code from}; its request is sent ahead. */
    GuessedTurn guessTurn(Shadow from, String userText, long at) {
        return guessTurn(from, LlmMessage.user(userText), at);
    }

    /** The turn {@code message} would start from {@code from}; its request is sent ahead. */
    GuessedTurn guessTurn(Shadow from, LlmMessage message, long at) {
        List<LlmMessage> next = observed(from, message).history();
        LlmRequest request = request(next);
        return new GuessedTurn(from, next, request, settings.client().prefetchKeyed(request, at, true));
    }

    /**
     * The guessed turn's outcome if its answer is at hand: the shadow after it and the actions;
     * null while it is not; a failed {@link Answer} when a call was invalid (the guess ends there).
     */
    Answer<A> answerIfReady(GuessedTurn turn, BiFunction<String, JsonNode, List<A>> parser) {
        LlmResponse response = turn.key() == null ? null : settings.client().ready(turn.key());
        return response == null ? null : read(response, turn.before().callIds(), parser);
    }

    /**
     * A pending guess of {@code turn} settled if its answer is at hand: the state {@code after}
     * makes of the answer, with the actions; {@code pending} itself while the answer is not there;
     * null when a call was invalid (the guess ends).
     */
    static <A extends Action> GuessingAhead.Guess settle(
            LlmConversation<A> chat,
            GuessingAhead.Guess pending,
            GuessedTurn turn,
            BiFunction<String, JsonNode, List<A>> parser,
            Function<Answer<A>, Object> after) {
        Answer<A> answer = chat.answerIfReady(turn, parser);
        if (answer == null) {
            return pending;
        }
        return answer.failed() ? null : new GuessingAhead.Guess(after.apply(answer), answer.actions());
    }

    /** The shadow after a guessed turn answered with {@code answer}. */
    static Shadow after(GuessedTurn turn, Answer<?> answer) {
        List<LlmMessage> next = new ArrayList<>(turn.history());
        next.addAll(answer.messages());
        Shadow before = turn.before();
        return new Shadow(next, answer.callIds(), before.turns() + 1, before.calls() + 1);
    }

    /** The request of this turn: system prompt, a summary line for cut messages, the last N. */
    LlmRequest request() {
        return request(history);
    }

    /**
     * The request {@link #request()} would give after {@link #observe}{@code (userText)}, leaving
     * the conversation as it is.
     */
    LlmRequest requestAfter(String userText) {
        return requestAfter(LlmMessage.user(userText));
    }

    LlmRequest requestAfter(LlmMessage message) {
        return request(
                observed(new Shadow(history, callIds, turns, calls), message).history());
    }

    /** Sends the request of the turn {@code userText} would start ahead (see {@link LlmClient#prefetch}). */
    void prefetch(String userText, long at) {
        prefetch(LlmMessage.user(userText), at);
    }

    void prefetch(LlmMessage message, long at) {
        settings.client().prefetchKeyed(requestAfter(message), at);
    }

    private LlmRequest request(List<LlmMessage> history) {
        int from = Math.max(0, history.size() - settings.history());
        while (from < history.size() && history.get(from).role().equals("tool")) {
            from++;
        }
        List<LlmMessage> messages = new ArrayList<>();
        messages.add(LlmMessage.system(system));
        if (from > 0) {
            messages.add(LlmMessage.user("(" + from + " earlier messages of this conversation are not shown)"));
        }
        // only the latest page is shown as an image; earlier ones keep their caption or text
        int shown = -1;
        for (int i = history.size() - 1; i >= from && shown < 0; i--) {
            if (!history.get(i).images().isEmpty()) {
                shown = i;
            }
        }
        for (int i = from; i < history.size(); i++) {
            messages.add(i == shown ? history.get(i) : history.get(i).withoutImages());
        }
        return new LlmRequest(messages, tools);
    }

    /** Counts this agent as failed, with the turn's cause. */
    void agentFailed(Failed<A> outcome) {
        settings.client().agentFailed(outcome.why());
    }

    private static JsonNode arguments(LlmToolCall call) {
        String text = call.arguments().isBlank() ? "{}" : call.arguments();
        try {
            JsonNode node = ResponseCache.JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new InvalidCall("arguments of " + call.name() + " must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new InvalidCall("arguments of " + call.name() + " are not valid JSON");
        }
    }

    /** The longest text argument taken (a message, an id, a query): longer ones are refused. */
    static final int MAX_TEXT = 10_000;

    static String text(JsonNode args, String name) {
        JsonNode value = args.get(name);
        if (value == null
                || value.isNull()
                || !value.isTextual()
                || value.asText().isBlank()) {
            throw new InvalidCall("'" + name + "' is required and must be a non-empty string");
        }
        if (value.asText().length() > MAX_TEXT) {
            throw new InvalidCall("'" + name + "' must be at most " + MAX_TEXT + " characters");
        }
        return value.asText();
    }

    /**
     * A number argument within [{@code min}, {@code max}], rounded to the nearest integer, or a
     * whole number when {@code whole}; {@code fallback} when absent, or required when the fallback
     * is below {@code min}. (The refusals of earlier versions keep their words, so recorded
     * conversations replay.)
     */
    static long number(JsonNode args, String name, long fallback, long min, long max, boolean whole) {
        JsonNode value = args.get(name);
        if (value == null || value.isNull()) {
            if (fallback < min) {
                throw new InvalidCall("'" + name + "' is required");
            }
            return fallback;
        }
        if (!value.isNumber() || value.asDouble() < min) {
            throw new InvalidCall("'" + name + "' must be a number >= " + min);
        }
        double x = value.asDouble();
        if (!(x <= max)) {
            throw new InvalidCall("'" + name + "' must be at most " + max);
        }
        if (whole && x != Math.rint(x)) {
            throw new InvalidCall("'" + name + "' must be a whole number");
        }
        return Math.round(x);
    }
}

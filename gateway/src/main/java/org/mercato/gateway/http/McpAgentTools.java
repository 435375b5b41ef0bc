package org.mercato.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mercato.gateway.http.McpToolCatalog.ToolDef;
import org.mercato.gateway.turns.Answer;
import org.mercato.gateway.turns.ExternalGroup;
import org.mercato.gateway.turns.Turn;
import org.mercato.gateway.turns.TurnDesk;
import org.mercato.gateway.wire.WireCodec;

/**
 * What the MCP tools do: an action tool answers the agent's open turn with its action(s) and
 * returns the agent's next turn; {@code next_turn} returns the next turn. Results are wire-format
 * JSON text; refusals are tool errors with {@code {"error": "..."}}, never a stopped market.
 */
final class McpAgentTools {
    static final String GROUP_KEY = "mercato.group";
    static final String TIMER_KEY = "mercato.timer";
    static final Duration ACTION_WAIT = Duration.ofSeconds(5);
    static final double DEFAULT_NEXT_TURN_WAIT_SECONDS = 10;

    private final TurnDesk desk;
    private final Guard guard;

    McpAgentTools(Guard guard) {
        this.guard = guard;
        this.desk = guard.desk();
    }

    List<SyncToolSpecification> specifications() {
        return McpToolCatalog.TOOLS.stream()
                .map(def -> SyncToolSpecification.builder()
                        .tool(def.tool())
                        .callHandler((exchange, request) -> call(def, exchange, request))
                        .build())
                .toList();
    }

    /** Whether a tool is shown to the caller: only the tools of its group's role. */
    static boolean visible(McpTransportContext context, io.modelcontextprotocol.spec.McpSchema.Tool tool) {
        Object group = context.get(GROUP_KEY);
        return group instanceof ExternalGroup external
                && McpToolCatalog.TOOLS.stream()
                        .anyMatch(def ->
                                def.name().equals(tool.name()) && def.roles().contains(external.role()));
    }

    private CallToolResult call(ToolDef def, McpSyncServerExchange exchange, CallToolRequest request) {
        McpTransportContext context = exchange.transportContext();
        ExternalGroup group = (ExternalGroup) context.get(GROUP_KEY);
        RequestTimer timer = (RequestTimer) context.get(TIMER_KEY);
        if (group == null || timer == null) {
            return error("no authenticated group for this request");
        }
        timer.kind(def.action() ? RequestKind.MCP_ACTION : RequestKind.POLL);
        if (!def.roles().contains(group.role())) {
            return error(def.name() + " is a tool of " + roleOf(def) + " agents; this token acts for "
                    + group.role().label() + " agents");
        }
        Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
        String agent;
        try {
            agent = agentOf(group, arguments.get("agent"));
        } catch (IllegalArgumentException e) {
            return error(e.getMessage());
        }
        if (!Guard.owns(group, agent)) {
            String reason = Guard.notYours(group, agent);
            guard.record(403, "MCP", "/mcp tools/call " + def.name(), group, reason);
            return error(reason);
        }
        if (desk.ended()) {
            return ended();
        }
        try {
            if (!def.action()) {
                return nextTurn(group, agent, arguments.get("wait"), timer);
            }
            return act(group, agent, actionsOf(def, arguments), timer);
        } catch (IllegalArgumentException e) {
            return error(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error("the gateway is stopping");
        }
    }

    private CallToolResult nextTurn(ExternalGroup group, String agent, Object waitArgument, RequestTimer timer)
            throws InterruptedException {
        double seconds = waitArgument == null
                ? DEFAULT_NEXT_TURN_WAIT_SECONDS
                : waitArgument instanceof Number number ? number.doubleValue() : Double.NaN;
        if (!(seconds >= 0 && seconds <= ApiServlet.MAX_WAIT_SECONDS)) {
            throw new IllegalArgumentException(
                    "wait must be a number of seconds from 0 to " + ApiServlet.MAX_WAIT_SECONDS);
        }
        Optional<String> only = Optional.of(agent);
        List<Turn> fresh = desk.poll(group, only, Duration.ZERO);
        if (fresh.isEmpty()) {
            List<Turn> shown = desk.open(group, only);
            for (Turn turn : shown) {
                desk.answer(agent, turn.number(), List.of());
            }
            Optional<String> done = shown.isEmpty() ? desk.doneWhy(agent) : Optional.empty();
            if (done.isPresent()) {
                ObjectNode body = WireCodec.JSON.createObjectNode();
                body.putNull("turn");
                body.put("done", true);
                body.put("note", done.get());
                return result(body, false);
            }
            fresh = waitForTurn(group, agent, Duration.ofNanos(Math.round(seconds * 1e9)), timer);
        }
        return turnResult(WireCodec.JSON.createObjectNode(), agent, fresh, seconds);
    }

    private CallToolResult act(ExternalGroup group, String agent, List<JsonNode> actions, RequestTimer timer)
            throws InterruptedException {
        Optional<String> only = Optional.of(agent);
        List<Turn> unseen = desk.poll(group, only, Duration.ZERO);
        if (!unseen.isEmpty()) {
            ObjectNode body = WireCodec.JSON.createObjectNode();
            body.put("accepted", false);
            body.put("error", "a turn you have not seen yet is open; read it and act again (nothing was done)");
            body.set("turn", TurnJson.of(unseen.get(0)));
            return result(body, true);
        }
        List<Turn> open = desk.open(group, only);
        if (open.isEmpty()) {
            return error(desk.doneWhy(agent)
                    .orElse(
                            desk.visitOver(agent)
                                    ? visitOverNote(agent)
                                    : "agent " + agent + " has no open turn yet: call next_turn to wait for it"));
        }
        Answer answer = desk.answer(agent, open.get(0).number(), actions);
        if (answer instanceof Answer.Invalid invalid) {
            return error(invalid.message() + " (nothing was done; the turn is still open)");
        }
        if (answer instanceof Answer.NotOpen notOpen) {
            return error(notOpen.why());
        }
        if (answer instanceof Answer.Ended) {
            return ended();
        }
        ObjectNode body = WireCodec.JSON.createObjectNode();
        body.put("accepted", true);
        if (actions.stream()
                .anyMatch(action -> "done".equals(action.path("type").asText()))) {
            if (desk.returnVisits()) {
                body.put("visitOver", true);
                body.put("note", visitOverNote(agent));
            } else {
                body.put("done", true);
                body.put("note", "agent " + agent + " is done and gets no more turns");
            }
            return result(body, false);
        }
        List<Turn> next = waitForTurn(group, agent, ACTION_WAIT, timer);
        return turnResult(body, agent, next, ACTION_WAIT.toSeconds());
    }

    /** What an agent whose visit is over is told: its next turn, if any, starts its next visit. */
    private static String visitOverNote(String agent) {
        return "agent " + agent + "'s visit is over; the market may start its next visit: call next_turn to wait"
                + " for it (a started turn with its visit number), until it answers {\"ended\": true}";
    }

    private List<Turn> waitForTurn(ExternalGroup group, String agent, Duration wait, RequestTimer timer)
            throws InterruptedException {
        long before = System.nanoTime();
        try {
            return desk.poll(group, Optional.of(agent), wait);
        } finally {
            timer.waited(System.nanoTime() - before);
        }
    }

    private CallToolResult turnResult(ObjectNode body, String agent, List<Turn> turns, double waitedSeconds) {
        if (!turns.isEmpty()) {
            body.set("turn", TurnJson.of(turns.get(0)));
        } else if (desk.ended()) {
            body.putNull("turn");
            body.put("ended", true);
            body.put("note", "the market has finished");
        } else {
            body.putNull("turn");
            body.put(
                    "note",
                    "no new turn for " + agent + " within " + waitedSeconds
                            + (desk.visitOver(agent)
                                    ? " s (its visit is over; the market may start its next visit)"
                                    : " s (the market is busy, or the agent is done)")
                            + ": call next_turn to wait again");
        }
        return result(body, false);
    }

    private static List<JsonNode> actionsOf(ToolDef def, Map<String, Object> arguments) {
        if (def.name().equals(McpToolCatalog.ACT)) {
            JsonNode actions = WireCodec.JSON.valueToTree(arguments.get("actions"));
            if (actions == null || !actions.isArray()) {
                throw new IllegalArgumentException("act needs \"actions\" (an array of actions)");
            }
            List<JsonNode> out = new ArrayList<>();
            actions.forEach(out::add);
            return out;
        }
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("type", def.name());
        arguments.forEach((key, value) -> {
            if (!key.equals("agent")) {
                action.put(key, value);
            }
        });
        return List.of(WireCodec.JSON.valueToTree(action));
    }

    private static String agentOf(ExternalGroup group, Object argument) {
        if (argument instanceof String agent && !agent.isBlank()) {
            return agent;
        }
        if (argument != null && !(argument instanceof String)) {
            throw new IllegalArgumentException("agent must be a string (one of your agent ids)");
        }
        if (group.agentIds().size() == 1) {
            return group.agentIds().get(0);
        }
        throw new IllegalArgumentException("say which agent acts: \"agent\" is one of " + sample(group.agentIds()));
    }

    private static String sample(List<String> ids) {
        return ids.size() <= 10
                ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, 10)) + " ... (" + ids.size() + " agents)";
    }

    private static String roleOf(ToolDef def) {
        return def.roles().iterator().next().label();
    }

    private static CallToolResult ended() {
        ObjectNode body = JsonReplies.errorBody("the run has ended");
        body.put("ended", true);
        return result(body, true);
    }

    private static CallToolResult error(String message) {
        return result(JsonReplies.errorBody(message), true);
    }

    private static CallToolResult result(ObjectNode body, boolean isError) {
        return CallToolResult.builder()
                .addTextContent(body.toString())
                .isError(isError)
                .build();
    }
}

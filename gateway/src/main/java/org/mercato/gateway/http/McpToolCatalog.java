package org.mercato.gateway.http;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mercato.gateway.turns.ExternalGroup.Role;

/**
 * The MCP tools: names, the roles that may call them, descriptions and JSON input schemas written
 * for a general LLM agent that has no other instructions. Action tools carry one wire-format action
 * whose {@code type} is the tool's name and whose keys are the tool's arguments (less {@code agent}).
 */
final class McpToolCatalog {
    private McpToolCatalog() {}

    static final String NEXT_TURN = "next_turn";
    static final String ACT = "act";

    /** One tool: its definition, who may call it, and whether it takes an action. */
    record ToolDef(McpSchema.Tool tool, Set<Role> roles, boolean action) {
        String name() {
            return tool.name();
        }
    }

    static final String INSTRUCTIONS = """
            Mercato marketplace gateway. You act for one or more agents in a simulated market that runs in \
            virtual time; money is always integer cents; times are integer microseconds of virtual time. \
            Shoppers (assistants) buy for a customer; sellers (services) sell for a business. \
            Start with next_turn: it returns your agent's turn {agent, turn, time, observations}, the list of \
            what happened since your last turn. Answer each turn with one action tool (shoppers: search, \
            message, pay, decline, wait, done; sellers: reply, propose, wait) or several actions at once with \
            act; the tool takes your action and returns your next turn. A shopper's task: read the customer's \
            request and budget in the 'started' observation, search for businesses, message them for the \
            items, compare the proposals they send, pay the best one that fits the request and budget \
            (pay uses the proposal's id), then call done. In a market with return visits done ends only the \
            visit: call next_turn to wait for the customer's next visit (a started turn with 'visit'), until it \
            answers {"ended": true}. Wall-clock time you spend thinking does not change \
            the market, but a turn left unanswered past the run's timeout ends the agent.""";

    private static final String TURN_RESULT = " Returns {\"accepted\": true, \"turn\": <your next turn>} once the"
            + " action is taken (\"turn\" is null with a \"note\" if no new turn came within a few seconds: then"
            + " call next_turn), or {\"error\": \"...\"} if it was refused (fix it and call again).";

    private static final Map<String, Object> VIRTUAL_SECONDS =
            Map.of("type", "number", "exclusiveMinimum", 0, "description", "virtual seconds");
    private static final Map<String, Object> VIRTUAL_TIME =
            Map.of("type", "integer", "minimum", 0, "description", "virtual time in µs");

    private static final Set<Role> ASSISTANT = Set.of(Role.ASSISTANT);
    private static final Set<Role> SERVICE = Set.of(Role.SERVICE);
    private static final Set<Role> BOTH = Set.of(Role.ASSISTANT, Role.SERVICE);

    static final List<ToolDef> TOOLS = List.of(
            new ToolDef(
                    tool(
                            NEXT_TURN,
                            "Returns your agent's next turn: {\"agent\", \"turn\" (number), \"time\" (µs of virtual time),"
                                    + " \"observations\": [...]}, waiting up to 'wait' seconds for it. Observation"
                                    + " types: started (a shopper's customer: request, items wanted, reference prices,"
                                    + " required amenities, budget in cents; a seller's business: menu, prices,"
                                    + " costs), search-results (listings: 'service' is the id to message, name,"
                                    + " rating, amenities, prices per item in cents), message (text from 'from',"
                                    + " maybe items wanted), proposal (an order offered to you: 'id' to pay or"
                                    + " decline, lines, total in cents, validUntil µs), payment-settled,"
                                    + " proposal-declined, rejected (the market refused an action of yours:"
                                    + " action, ref, reason), woken-up (a wait ended), order-delivered (a paid order"
                                    + " arrived: proposalId, service, quality 0-1; a started with 'visit' > 0 is a"
                                    + " return visit: the same customer shops again with its budget back, and orders"
                                    + " delivered since its last visit come just before it). If the turn you were shown"
                                    + " last is still unanswered, next_turn answers it with no actions first."
                                    + " Returns {\"turn\": null, \"note\"} when none came in time, and"
                                    + " {\"done\": true} or {\"ended\": true} when the agent or the market has finished.",
                            props(
                                    "wait",
                                    Map.of(
                                            "type",
                                            "number",
                                            "minimum",
                                            0,
                                            "maximum",
                                            60,
                                            "description",
                                            "seconds (wall clock) to wait for a turn; default 10; keep it under your MCP client's request timeout")),
                            List.of()),
                    BOTH,
                    false),
            new ToolDef(
                    tool(
                            "search",
                            "Searches the market's businesses for 'query' (for example \"tacos\"). The results come"
                                    + " back in your next turn as a search-results observation: ranked listings, each"
                                    + " with 'service' (the id to message), name, description, rating, amenities"
                                    + " and prices (item -> cents)."
                                    + TURN_RESULT,
                            props(
                                    "query",
                                    Map.of("type", "string", "description", "what to look for"),
                                    "page",
                                    Map.of("type", "integer", "minimum", 0, "description", "result page, from 0"),
                                    "filters",
                                    Map.of(
                                            "type",
                                            "object",
                                            "description",
                                            "optional narrowing",
                                            "properties",
                                            Map.of(
                                                    "amenities",
                                                    Map.of(
                                                            "type",
                                                            "array",
                                                            "items",
                                                            Map.of("type", "string"),
                                                            "description",
                                                            "amenities every listing must have"),
                                                    "minRating",
                                                    Map.of("type", "number", "description", "lowest rating, 0-5"),
                                                    "maxPrice",
                                                    Map.of(
                                                            "type",
                                                            "integer",
                                                            "minimum",
                                                            0,
                                                            "description",
                                                            "highest price in cents (0: any)")))),
                            List.of("query")),
                    ASSISTANT,
                    true),
            new ToolDef(
                    tool(
                            "message",
                            "Sends a message to a business (its 'service' id from the search results): ask for a"
                                    + " quote or an order, naming the items and quantities you want in 'items'."
                                    + " Businesses answer with message and proposal observations in later turns."
                                    + TURN_RESULT,
                            props(
                                    "to",
                                    Map.of("type", "string", "description", "the service id"),
                                    "text",
                                    Map.of("type", "string", "description", "your message"),
                                    "items",
                                    Map.of(
                                            "type",
                                            "object",
                                            "additionalProperties",
                                            Map.of("type", "integer", "minimum", 1),
                                            "description",
                                            "item name -> quantity, e.g. {\"taco\": 2}")),
                            List.of("to", "text")),
                    ASSISTANT,
                    true),
            new ToolDef(
                    tool(
                            "pay",
                            "Pays a proposal you received: 'proposalId' is the 'id' inside the proposal"
                                    + " observation (not the service id). 'amount' (cents) defaults to the"
                                    + " proposal's total. A payment-settled observation confirms the purchase; a"
                                    + " rejected one says why not (for example an expired or unknown proposal)."
                                    + " After a settled payment, call done."
                                    + TURN_RESULT,
                            props(
                                    "proposalId",
                                    Map.of("type", "string", "description", "the proposal's id"),
                                    "amount",
                                    Map.of(
                                            "type",
                                            "integer",
                                            "minimum",
                                            0,
                                            "description",
                                            "cents; leave out to pay the proposal's total")),
                            List.of("proposalId")),
                    ASSISTANT,
                    true),
            new ToolDef(
                    tool(
                            "decline",
                            "Declines a proposal you received, by its id (the 'id' inside the proposal observation)."
                                    + TURN_RESULT,
                            props("proposalId", Map.of("type", "string", "description", "the proposal's id")),
                            List.of("proposalId")),
                    ASSISTANT,
                    true),
            new ToolDef(
                    tool(
                            "wait",
                            "Does nothing until 'seconds' of virtual time have passed (or until the virtual time"
                                    + " 'until', in µs); anything that arrives meanwhile comes in your next turn. Use"
                                    + " it while businesses or customers have not answered yet. Give exactly one of"
                                    + " seconds or until."
                                    + TURN_RESULT,
                            props("seconds", VIRTUAL_SECONDS, "until", VIRTUAL_TIME),
                            List.of()),
                    BOTH,
                    true),
            new ToolDef(
                    tool(
                            "done",
                            "Ends this shopper's visit (the shopper too, and it takes no more turns, unless the market has return"
                                    + " visits). Call it after a settled payment"
                                    + " (reason \"purchased\") or when nothing fits the request (for example reason"
                                    + " \"no-suitable-offer\"). Returns {\"accepted\": true, \"done\": true}; in a"
                                    + " market with return visits {\"accepted\": true, \"visitOver\": true}: call"
                                    + " next_turn to wait for the customer's next visit.",
                            props("reason", Map.of("type", "string", "description", "why the agent stops")),
                            List.of()),
                    ASSISTANT,
                    true),
            new ToolDef(
                    tool(
                            "reply",
                            "Sends a text message to a customer: 'customer' is the agent id in the 'from' of the"
                                    + " message you got."
                                    + TURN_RESULT,
                            props(
                                    "customer",
                                    Map.of("type", "string", "description", "the customer's agent id"),
                                    "text",
                                    Map.of("type", "string", "description", "your message")),
                            List.of("customer", "text")),
                    SERVICE,
                    true),
            new ToolDef(
                    tool(
                            "propose",
                            "Offers a customer an order they can pay: 'lines' of {item, quantity, unitPrice in"
                                    + " cents}; 'total' (cents) defaults to the lines' sum; the offer holds for"
                                    + " 'validFor' seconds (default 3600) or until 'validUntil' (µs). The customer"
                                    + " gets a proposal observation; you get payment-settled when they pay."
                                    + TURN_RESULT,
                            props(
                                    "customer",
                                    Map.of("type", "string", "description", "the customer's agent id"),
                                    "lines",
                                    Map.of(
                                            "type",
                                            "array",
                                            "minItems",
                                            1,
                                            "items",
                                            object(
                                                    Map.of(
                                                            "item", Map.of("type", "string"),
                                                            "quantity", Map.of("type", "integer", "minimum", 1),
                                                            "unitPrice", Map.of("type", "integer", "minimum", 0)),
                                                    List.of("item", "quantity", "unitPrice"))),
                                    "total",
                                    Map.of("type", "integer", "minimum", 0, "description", "cents"),
                                    "validFor",
                                    VIRTUAL_SECONDS,
                                    "validUntil",
                                    VIRTUAL_TIME),
                            List.of("customer", "lines")),
                    SERVICE,
                    true),
            new ToolDef(
                    tool(
                            ACT,
                            "Takes several actions in one turn, in order, in the wire format, for example"
                                    + " [{\"type\": \"message\", \"to\": \"<service id>\", \"text\": \"2 tacos please\","
                                    + " \"items\": {\"taco\": 2}}, {\"type\": \"wait\", \"seconds\": 60}]. Shopper"
                                    + " types: search {query, page?, filters?}, message {to, text, items?}, pay"
                                    + " {proposalId, amount?}, decline {proposalId}, wait {seconds | until}, done"
                                    + " {reason}. Seller types: reply {customer, text}, propose {customer, lines,"
                                    + " total?, validFor? | validUntil?}, wait. An empty list does nothing this turn."
                                    + TURN_RESULT,
                            props(
                                    "actions",
                                    Map.of(
                                            "type",
                                            "array",
                                            "description",
                                            "the actions, each an object with a \"type\"",
                                            "items",
                                            object(
                                                    Map.of(
                                                            "type",
                                                            Map.of(
                                                                    "type",
                                                                    "string",
                                                                    "enum",
                                                                    List.of(
                                                                            "search", "message", "pay", "decline",
                                                                            "wait", "done", "reply", "propose"))),
                                                    List.of("type")))),
                            List.of("actions")),
                    BOTH,
                    true));

    private static McpSchema.Tool tool(
            String name, String description, Map<String, Object> properties, List<String> required) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put(
                "agent",
                Map.of(
                        "type",
                        "string",
                        "description",
                        "which of your agents acts; may be left out when your token has only one agent"));
        all.putAll(properties);
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", all);
        schema.put("required", required);
        schema.put("additionalProperties", false);
        return McpSchema.Tool.builder()
                .name(name)
                .description(description)
                .inputSchema(schema)
                .build();
    }

    private static Map<String, Object> object(Map<String, Object> properties, List<String> required) {
        return Map.of("type", "object", "properties", properties, "required", required);
    }

    private static Map<String, Object> props(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }
}

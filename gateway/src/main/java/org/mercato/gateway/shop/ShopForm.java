package org.mercato.gateway.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;
import org.mercato.gateway.wire.WireCodec;

/**
 * A shop page's form, as the turn's wire-format actions: {@code action=search&query=..[&page=..]},
 * {@code ask&service=..} (a message asking the service for a proposal for the customer's items),
 * {@code pay&proposal=..}, {@code decline&proposal=..}, {@code done[&reason=..]} and {@code
 * wait&seconds=..}. A form that names no such action, or lacks a field, is an {@link
 * IllegalArgumentException} with a one-line message; the wire codec checks the rest as for any agent.
 */
public final class ShopForm {
    /** The text of every {@code ask}: fixed, so a replay sends the same message. */
    public static final String ASK_TEXT = "Please send me a proposal for these items.";

    public static final List<String> ACTIONS = List.of("search", "ask", "pay", "decline", "done", "wait");

    private ShopForm() {}

    /** The actions of the form whose fields {@code field} gives (null when absent), for the shopper {@code view} shows. */
    public static List<JsonNode> actions(Function<String, String> field, ShopperView.Snapshot view) {
        String action = field.apply("action");
        if (action == null || !ACTIONS.contains(action)) {
            throw new IllegalArgumentException("the form needs \"action\", one of " + String.join(", ", ACTIONS));
        }
        ObjectNode out = WireCodec.JSON.createObjectNode();
        switch (action) {
            case "search" -> {
                out.put("type", "search");
                out.put("query", required(field, action, "query"));
                String page = field.apply("page");
                if (page != null && !page.isBlank()) {
                    out.put("page", integer(page, "page"));
                }
            }
            case "ask" -> {
                out.put("type", "message");
                out.put("to", required(field, action, "service"));
                out.put("text", ASK_TEXT);
                JsonNode items = view.customer().path("items");
                if (items.isObject() && !items.isEmpty()) {
                    out.set("items", items.deepCopy());
                }
            }
            case "pay", "decline" -> {
                out.put("type", action);
                out.put("proposalId", required(field, action, "proposal"));
            }
            case "done" -> {
                out.put("type", "done");
                String reason = field.apply("reason");
                out.put(
                        "reason",
                        reason != null && !reason.isBlank() ? reason : view.paid() ? "purchased" : "no-purchase");
            }
            case "wait" -> {
                out.put("type", "wait");
                String seconds = required(field, action, "seconds");
                try {
                    out.put("seconds", Double.parseDouble(seconds));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("wait needs \"seconds\" (a number of seconds > 0)");
                }
            }
            default -> throw new IllegalStateException(action);
        }
        return List.of(out);
    }

    private static String required(Function<String, String> field, String action, String key) {
        String value = field.apply(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(action + " needs \"" + key + "\"");
        }
        return value.strip();
    }

    private static long integer(String text, String key) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + key + "\" must be an integer");
        }
    }
}

package org.mercato.gateway.shop;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** One observation of a turn as a line of plain text for the shop page (escaped by the page). */
final class ObservationText {
    private ObservationText() {}

    static String of(JsonNode seen) {
        String type = seen.path("type").asText();
        return switch (type) {
            case "started" -> {
                JsonNode customer = seen.path("customer");
                yield "Your customer " + customer.path("name").asText() + " wants: "
                        + customer.path("request").asText() + " (" + items(customer.path("items")) + "), budget "
                        + Html.money(customer.path("budget").asLong())
                        + (seen.has("visit") ? "; visit " + (seen.path("visit").asInt() + 1) : "");
            }
            case "search-results" ->
                seen.path("listings").size() + " results for \""
                        + seen.path("query").asText() + "\" (page "
                        + (seen.path("page").asInt() + 1) + " of "
                        + Math.max(1, seen.path("totalPages").asInt())
                        + ")";
            case "message" ->
                "Message from " + seen.path("from").asText() + ": "
                        + seen.path("text").asText();
            case "proposal" -> {
                JsonNode proposal = seen.path("proposal");
                yield "Proposal " + proposal.path("id").asText() + " from "
                        + proposal.path("service").asText() + ": " + lines(proposal.path("lines")) + ", total "
                        + Html.money(proposal.path("total").asLong());
            }
            case "payment-settled" ->
                "Paid " + Html.money(seen.path("amount").asLong()) + " to "
                        + seen.path("service").asText() + " for proposal "
                        + seen.path("proposalId").asText();
            case "rejected" ->
                "Your " + seen.path("action").asText() + " (" + seen.path("ref").asText() + ") was rejected: "
                        + seen.path("reason").asText();
            case "woken-up" -> "Woke up at " + Html.seconds(seen.path("at").asLong());
            case "order-delivered" ->
                "Order " + seen.path("proposalId").asText() + " from "
                        + seen.path("service").asText() + " delivered (quality "
                        + seen.path("quality").asText() + ")";
            default -> type;
        };
    }

    /** {@code 2 × tacos, 1 × salsa}. */
    static String items(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.fields().forEachRemaining(entry -> out.add(entry.getValue().asInt() + " × " + entry.getKey()));
        return out.isEmpty() ? "no items" : String.join(", ", out);
    }

    /** {@code 2 × tacos at $3.50}. */
    static String lines(JsonNode lines) {
        List<String> out = new ArrayList<>();
        for (JsonNode line : lines) {
            out.add(line.path("quantity").asInt() + " × " + line.path("item").asText() + " at "
                    + Html.money(line.path("unitPrice").asLong()));
        }
        return String.join(", ", out);
    }
}

package org.mercato.gateway.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mercato.gateway.turns.Turn;
import org.mercato.sim.protocol.SearchResults;

/**
 * What one browser shopper has seen in its current visit, gathered from the turns shown to it: the
 * customer it shops for, the last results page, the messages and the proposals with what became of
 * them. Only the page is made of it; the market sees nothing but the actions. Thread-safe.
 */
public final class ShopperView {
    /** A message a service sent. */
    public record Said(String from, String text) {}

    /** A proposal as received ({@code proposal}, wire form) and where it stands. */
    public record Offer(JsonNode proposal, Status status, String note) {
        public String id() {
            return proposal.path("id").asText();
        }
    }

    /** Where a proposal stands, as far as this shopper knows. */
    public enum Status {
        OPEN,
        PAYING,
        PAID,
        DECLINED,
        REJECTED
    }

    /** The view at one moment, for one page. */
    public record Snapshot(JsonNode customer, SearchResults results, List<Said> messages, List<Offer> offers) {
        public Snapshot {
            messages = List.copyOf(messages);
            offers = List.copyOf(offers);
        }

        /** Whether a payment settled in this visit. */
        public boolean paid() {
            return offers.stream().anyMatch(offer -> offer.status() == Status.PAID);
        }
    }

    private long absorbed = -1;
    private JsonNode customer = NullNode.getInstance();
    private SearchResults results;
    private final List<Said> messages = new ArrayList<>();
    private final Map<String, Offer> offers = new LinkedHashMap<>();

    /** Takes in the turn's observations once (a page shown again does not add them twice). */
    public synchronized void absorb(Turn turn) {
        if (turn.number() <= absorbed) {
            return;
        }
        absorbed = turn.number();
        for (JsonNode seen : turn.observations()) {
            String type = seen.path("type").asText();
            switch (type) {
                case "started" -> {
                    customer = seen.path("customer");
                    results = null;
                    messages.clear();
                    offers.clear();
                }
                case "search-results" -> results = ResultsFromWire.read(seen);
                case "message" ->
                    messages.add(new Said(
                            seen.path("from").asText(), seen.path("text").asText()));
                case "proposal" -> {
                    JsonNode proposal = seen.path("proposal");
                    offers.put(proposal.path("id").asText(), new Offer(proposal, Status.OPEN, ""));
                }
                case "payment-settled" -> mark(seen.path("proposalId").asText(), Status.PAID, "");
                case "rejected" -> {
                    if (seen.path("action").asText().equals("pay")) {
                        mark(
                                seen.path("ref").asText(),
                                Status.REJECTED,
                                seen.path("reason").asText());
                    }
                }
                default -> {
                    // shown as text on the page only
                }
            }
        }
    }

    /** The shopper answered with these (accepted) wire actions: its payments and declines are on their way. */
    public synchronized void answered(List<JsonNode> actions) {
        for (JsonNode action : actions) {
            switch (action.path("type").asText()) {
                case "pay" -> mark(action.path("proposalId").asText(), Status.PAYING, "");
                case "decline" -> mark(action.path("proposalId").asText(), Status.DECLINED, "");
                default -> {
                    // nothing to remember
                }
            }
        }
    }

    private void mark(String proposal, Status status, String note) {
        Offer offer = offers.get(proposal);
        if (offer != null) {
            offers.put(proposal, new Offer(offer.proposal(), status, note));
        }
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(customer, results, messages, List.copyOf(offers.values()));
    }
}

package org.mercato.gateway.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mercato.agents.base.FailureReasons;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.AssistantStarted;
import org.mercato.sim.protocol.Decline;
import org.mercato.sim.protocol.Done;
import org.mercato.sim.protocol.ListingChanged;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.Message;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.protocol.OrderDelivered;
import org.mercato.sim.protocol.Pay;
import org.mercato.sim.protocol.PaymentSettled;
import org.mercato.sim.protocol.Proposal;
import org.mercato.sim.protocol.ProposalDeclined;
import org.mercato.sim.protocol.ProposalReceived;
import org.mercato.sim.protocol.Propose;
import org.mercato.sim.protocol.Rejected;
import org.mercato.sim.protocol.Reply;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.protocol.SearchFilters;
import org.mercato.sim.protocol.SearchResults;
import org.mercato.sim.protocol.ServiceAction;
import org.mercato.sim.protocol.ServiceStarted;
import org.mercato.sim.protocol.Wait;
import org.mercato.sim.protocol.WokenUp;

/**
 * The wire format of outside agents (docs/gateway.md): observations become JSON objects whose
 * {@code "type"} comes first and whose keys come in a fixed order (maps sorted by key), so the same
 * observation is always the same bytes; JSON actions become the protocol's records, or a {@link
 * WireException} whose message names the action's index and key. Money is integer cents, time
 * integer microseconds of virtual time.
 */
public final class WireCodec {
    /** The mapper the wire format is written with: compact, no reordering of keys. */
    public static final ObjectMapper JSON = JsonMapper.builder().build();

    /** {@code propose.validFor} when neither it nor {@code validUntil} is given: an hour. */
    public static final long DEFAULT_VALID_FOR_SECONDS = 3600;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long MICROS_PER_SECOND = 1_000_000L;

    private WireCodec() {}

    // ---------------------------------------------------------------- observations

    /** The wire form of an observation. */
    public static ObjectNode observation(Observation observation) {
        ObjectNode out = NODES.objectNode();
        if (observation instanceof AssistantStarted started) {
            out.put("type", "started");
            out.set("customer", customer(started.customer()));
            if (started.visit() > 0) {
                out.put("visit", started.visit());
            }
        } else if (observation instanceof ServiceStarted started) {
            out.put("type", "started");
            out.set("service", service(started.service()));
        } else if (observation instanceof SearchResults results) {
            out.put("type", "search-results");
            out.put("query", results.query());
            out.put("page", results.page());
            out.put("totalPages", results.totalPages());
            ArrayNode listings = out.putArray("listings");
            results.listings().forEach(listing -> listings.add(listing(listing)));
        } else if (observation instanceof MessageReceived message) {
            out.put("type", "message");
            out.put("from", message.from());
            out.put("text", message.text());
            out.set("items", integers(message.items()));
        } else if (observation instanceof ProposalReceived received) {
            out.put("type", "proposal");
            out.set("proposal", proposal(received.proposal()));
        } else if (observation instanceof PaymentSettled settled) {
            out.put("type", "payment-settled");
            out.put("proposalId", settled.proposalId());
            out.put("customer", settled.customer());
            out.put("service", settled.service());
            out.put("amount", settled.amount());
        } else if (observation instanceof ProposalDeclined declined) {
            out.put("type", "proposal-declined");
            out.put("proposalId", declined.proposalId());
            out.put("customer", declined.customer());
        } else if (observation instanceof Rejected rejected) {
            out.put("type", "rejected");
            out.put("action", rejected.action());
            out.put("ref", rejected.ref());
            out.put("reason", rejected.reason().label());
        } else if (observation instanceof WokenUp woken) {
            out.put("type", "woken-up");
            out.put("at", woken.at());
        } else if (observation instanceof OrderDelivered delivered) {
            out.put("type", "order-delivered");
            out.put("proposalId", delivered.proposal());
            out.put("service", delivered.service());
            out.put("quality", delivered.quality());
        } else if (observation instanceof ListingChanged changed) {
            out.put("type", "listing-changed");
            out.set("service", service(changed.service()));
        } else {
            throw new IllegalArgumentException("no wire form for " + observation);
        }
        return out;
    }

    private static ObjectNode customer(Customer customer) {
        ObjectNode out = NODES.objectNode();
        out.put("id", customer.id());
        out.put("name", customer.name());
        out.put("request", customer.request());
        out.set("items", integers(customer.items()));
        out.set("referencePrices", longs(customer.referencePrices()));
        out.set("requiredAmenities", strings(customer.requiredAmenities()));
        out.put("budget", customer.budget());
        out.put("timeCostPerHour", customer.timeCostPerHour());
        out.put("persona", customer.persona());
        return out;
    }

    private static ObjectNode service(Service service) {
        ObjectNode out = NODES.objectNode();
        out.put("id", service.id());
        out.put("name", service.name());
        out.put("description", service.description());
        out.set("menu", longs(service.menu()));
        out.set("amenities", strings(service.amenities()));
        out.put("rating", service.rating());
        out.put("reviewCount", service.reviewCount());
        out.set("unitCosts", longs(service.unitCosts()));
        out.put("capacity", service.capacity());
        out.put("tactic", service.tactic());
        return out;
    }

    private static ObjectNode listing(ListingView listing) {
        ObjectNode out = NODES.objectNode();
        out.put("rank", listing.rank());
        out.put("service", listing.service());
        out.put("name", listing.name());
        out.put("description", listing.description());
        out.put("rating", listing.rating());
        out.put("reviewCount", listing.reviewCount());
        out.set("amenities", strings(listing.amenities()));
        out.set("prices", longs(listing.prices()));
        out.put("row", listing.row());
        out.put("column", listing.column());
        out.set("tags", strings(listing.tags()));
        return out;
    }

    private static ObjectNode proposal(Proposal proposal) {
        ObjectNode out = NODES.objectNode();
        out.put("id", proposal.id());
        out.put("service", proposal.service());
        out.put("customer", proposal.customer());
        out.set("lines", lines(proposal.lines()));
        out.put("total", proposal.total());
        out.put("createdAt", proposal.createdAt());
        out.put("validUntil", proposal.validUntil());
        return out;
    }

    private static ArrayNode lines(List<OrderLine> lines) {
        ArrayNode out = NODES.arrayNode();
        for (OrderLine line : lines) {
            ObjectNode node = out.addObject();
            node.put("item", line.item());
            node.put("quantity", line.quantity());
            node.put("unitPrice", line.unitPrice());
        }
        return out;
    }

    // Maps and sets are written sorted whatever their kind, so no hashing order reaches the wire.
    private static ObjectNode integers(Map<String, Integer> map) {
        ObjectNode out = NODES.objectNode();
        new TreeMap<>(map).forEach(out::put);
        return out;
    }

    private static ObjectNode longs(Map<String, Long> map) {
        ObjectNode out = NODES.objectNode();
        new TreeMap<>(map).forEach(out::put);
        return out;
    }

    private static ArrayNode strings(Collection<String> values) {
        ArrayNode out = NODES.arrayNode();
        new TreeSet<>(values).forEach(out::add);
        return out;
    }

    // ---------------------------------------------------------------- actions to JSON

    /** The wire form of an assistant's action (what a recording stores, and what decodes back to it). */
    public static ObjectNode action(AssistantAction action) {
        ObjectNode out = NODES.objectNode();
        out.put("type", action.kind());
        if (action instanceof Search search) {
            out.put("query", search.query());
            out.put("page", search.page());
            ObjectNode filters = out.putObject("filters");
            filters.set("amenities", strings(search.filters().amenities()));
            filters.put("minRating", search.filters().minRating());
            filters.put("maxPrice", search.filters().maxPrice());
        } else if (action instanceof Message message) {
            out.put("to", message.to());
            out.put("text", message.text());
            out.set("items", integers(message.items()));
        } else if (action instanceof Pay pay) {
            out.put("proposalId", pay.proposalId());
            out.put("amount", pay.amount());
        } else if (action instanceof Decline decline) {
            out.put("proposalId", decline.proposalId());
        } else if (action instanceof Wait wait) {
            out.put("until", wait.until());
        } else if (action instanceof Done done) {
            out.put("reason", done.reason());
        }
        return out;
    }

    /** The wire form of a service's action. */
    public static ObjectNode action(ServiceAction action) {
        ObjectNode out = NODES.objectNode();
        out.put("type", action.kind());
        if (action instanceof Reply reply) {
            out.put("customer", reply.customer());
            out.put("text", reply.text());
        } else if (action instanceof Propose propose) {
            out.put("customer", propose.customer());
            out.set("lines", lines(propose.lines()));
            out.put("total", propose.total());
            out.put("validUntil", propose.validUntil());
        } else if (action instanceof Wait wait) {
            out.put("until", wait.until());
        }
        return out;
    }

    // ---------------------------------------------------------------- JSON to actions

    /** An assistant's actions, in order. */
    public static List<AssistantAction> assistantActions(List<JsonNode> actions, WireContext context) {
        List<AssistantAction> out = new ArrayList<>(actions.size());
        for (int i = 0; i < actions.size(); i++) {
            Fields fields = Fields.of(i, actions.get(i), ASSISTANT_TYPES);
            out.add(
                    switch (fields.type) {
                        case "search" -> search(fields);
                        case "message" -> message(fields);
                        case "pay" -> pay(fields, context);
                        case "decline" -> new Decline(fields.only("proposalId").requiredString("proposalId"));
                        case "wait" -> waitAction(fields, context);
                        case "done" ->
                            new Done(notAFailure(fields.only("reason").optionalString("reason", "")));
                        default -> throw new IllegalStateException(fields.type);
                    });
        }
        return out;
    }

    /** A service's actions, in order. */
    public static List<ServiceAction> serviceActions(List<JsonNode> actions, WireContext context) {
        List<ServiceAction> out = new ArrayList<>(actions.size());
        for (int i = 0; i < actions.size(); i++) {
            Fields fields = Fields.of(i, actions.get(i), SERVICE_TYPES);
            out.add(
                    switch (fields.type) {
                        case "reply" ->
                            new Reply(
                                    fields.only("customer", "text").requiredString("customer"),
                                    notAFailure(fields.optionalString("text", "")));
                        case "propose" -> propose(fields, context);
                        case "wait" -> waitAction(fields, context);
                        default -> throw new IllegalStateException(fields.type);
                    });
        }
        return out;
    }

    /**
     * An agent's done reason or reply text, marked {@code agent:} when it reads like a failure reason
     * of the run's own making, so an agent cannot pass for a failed one in the counts.
     */
    static String notAFailure(String text) {
        return FailureReasons.marked("agent:", text);
    }

    private static final List<String> ASSISTANT_TYPES = List.of("search", "message", "pay", "decline", "wait", "done");
    private static final List<String> SERVICE_TYPES = List.of("reply", "propose", "wait");

    private static Search search(Fields fields) {
        fields.only("query", "page", "filters");
        String query = fields.requiredString("query");
        int page = fields.optionalInt("page", 0, 0, Integer.MAX_VALUE);
        JsonNode filters = fields.node.get("filters");
        if (filters == null || filters.isNull()) {
            return new Search(query, SearchFilters.NONE, page);
        }
        Fields inner = Fields.nested(fields, "filters", filters).only("amenities", "minRating", "maxPrice");
        SortedSet<String> amenities = inner.optionalStrings("amenities");
        double minRating = inner.optionalNumber("minRating", 0);
        long maxPrice = inner.optionalLong("maxPrice", 0, 0, Long.MAX_VALUE);
        return new Search(query, new SearchFilters(amenities, minRating, maxPrice), page);
    }

    private static Message message(Fields fields) {
        fields.only("to", "text", "items");
        return new Message(fields.requiredString("to"), fields.optionalString("text", ""), fields.quantities("items"));
    }

    private static Pay pay(Fields fields, WireContext context) {
        fields.only("proposalId", "amount");
        String proposalId = fields.requiredString("proposalId");
        long fallback = context.proposalTotals().getOrDefault(proposalId, 0L);
        return new Pay(proposalId, fields.optionalLong("amount", fallback, 0, Long.MAX_VALUE));
    }

    private static Wait waitAction(Fields fields, WireContext context) {
        fields.only("seconds", "until");
        boolean seconds = fields.has("seconds");
        if (seconds == fields.has("until")) {
            throw fields.error("wait needs either \"seconds\" (a number > 0) or \"until\" (microseconds), not "
                    + (seconds ? "both" : "neither"));
        }
        if (seconds) {
            return new Wait(context.now() + fields.positiveMicros("seconds"));
        }
        return new Wait(fields.optionalLong("until", 0, 0, Long.MAX_VALUE));
    }

    private static Propose propose(Fields fields, WireContext context) {
        fields.only("customer", "lines", "total", "validFor", "validUntil");
        String customer = fields.requiredString("customer");
        List<OrderLine> lines = fields.orderLines("lines");
        long sum;
        try {
            sum = OrderLine.total(lines);
        } catch (ArithmeticException e) {
            throw fields.error("propose \"lines\" add up to more cents than fit in a long");
        }
        long total = fields.optionalLong("total", sum, 0, Long.MAX_VALUE);
        if (fields.has("validFor") && fields.has("validUntil")) {
            throw fields.error("propose takes \"validFor\" (seconds) or \"validUntil\" (microseconds), not both");
        }
        long validUntil = fields.has("validUntil")
                ? fields.optionalLong("validUntil", 0, 0, Long.MAX_VALUE)
                : context.now()
                        + (fields.has("validFor")
                                ? fields.positiveMicros("validFor")
                                : DEFAULT_VALID_FOR_SECONDS * MICROS_PER_SECOND);
        return new Propose(customer, lines, total, validUntil);
    }

    /** One action object being read, for errors that name its index and key. */
    private static final class Fields {
        private final String where;
        private final String type;
        private final JsonNode node;

        private Fields(String where, String type, JsonNode node) {
            this.where = where;
            this.type = type;
            this.node = node;
        }

        static Fields of(int index, JsonNode node, List<String> types) {
            String where = "actions[" + index + "]";
            if (node == null || !node.isObject()) {
                throw new WireException(where + ": expected an object with a \"type\" (one of "
                        + String.join(", ", types) + "), got " + kindOf(node));
            }
            JsonNode type = node.get("type");
            if (type == null || !type.isTextual()) {
                throw new WireException(where + ": needs \"type\" (a string: one of " + String.join(", ", types) + ")");
            }
            if (!types.contains(type.asText())) {
                throw new WireException(where + ": unknown type \"" + cut(type.asText()) + "\" (expected one of "
                        + String.join(", ", types) + ")");
            }
            return new Fields(where, type.asText(), node);
        }

        static Fields nested(Fields outer, String key, JsonNode node) {
            if (!node.isObject()) {
                throw outer.error(outer.type + " \"" + key + "\" must be an object, got " + kindOf(node));
            }
            return new Fields(outer.where, outer.type + " " + key, node);
        }

        Fields only(String... keys) {
            Set<String> allowed = new TreeSet<>(List.of(keys));
            node.fieldNames().forEachRemaining(name -> {
                if (!name.equals("type") && !allowed.contains(name)) {
                    throw error(type + " has no key \"" + cut(name) + "\" (keys: "
                            + (keys.length == 0 ? "none" : String.join(", ", keys)) + ")");
                }
            });
            return this;
        }

        boolean has(String key) {
            JsonNode value = node.get(key);
            return value != null && !value.isNull();
        }

        WireException error(String what) {
            return new WireException(where + ": " + what);
        }

        private WireException needs(String key, String expected) {
            return error(type + " needs \"" + key + "\" (" + expected + ")");
        }

        String requiredString(String key) {
            JsonNode value = node.get(key);
            if (value == null || !value.isTextual()) {
                throw needs(key, "a string");
            }
            return value.asText();
        }

        String optionalString(String key, String fallback) {
            return has(key) ? requiredString(key) : fallback;
        }

        long optionalLong(String key, long fallback, long min, long max) {
            if (!has(key)) {
                return fallback;
            }
            JsonNode value = node.get(key);
            String expected = "an integer" + range(min, max);
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw needs(key, expected);
            }
            long number = value.asLong();
            if (number < min || number > max) {
                throw needs(key, expected + ", was " + number);
            }
            return number;
        }

        int optionalInt(String key, int fallback, int min, int max) {
            return (int) optionalLong(key, fallback, min, max);
        }

        double optionalNumber(String key, double fallback) {
            if (!has(key)) {
                return fallback;
            }
            JsonNode value = node.get(key);
            if (!value.isNumber()) {
                throw needs(key, "a number");
            }
            return value.asDouble();
        }

        long positiveMicros(String key) {
            JsonNode value = node.get(key);
            if (!value.isNumber() || !(value.asDouble() > 0) || value.asDouble() > 1e12) {
                throw needs(key, "a number of seconds > 0");
            }
            return Math.round(value.asDouble() * MICROS_PER_SECOND);
        }

        SortedSet<String> optionalStrings(String key) {
            SortedSet<String> out = new TreeSet<>();
            if (!has(key)) {
                return out;
            }
            JsonNode value = node.get(key);
            if (!value.isArray()) {
                throw needs(key, "an array of strings");
            }
            for (JsonNode element : value) {
                if (!element.isTextual()) {
                    throw needs(key, "an array of strings");
                }
                out.add(element.asText());
            }
            return out;
        }

        SortedMap<String, Integer> quantities(String key) {
            SortedMap<String, Integer> out = new TreeMap<>();
            if (!has(key)) {
                return out;
            }
            JsonNode value = node.get(key);
            String expected = "an object of item to quantity, each an integer > 0";
            if (!value.isObject()) {
                throw needs(key, expected);
            }
            value.fields().forEachRemaining(entry -> {
                JsonNode quantity = entry.getValue();
                if (!quantity.isIntegralNumber() || !quantity.canConvertToInt() || quantity.asInt() <= 0) {
                    throw needs(key, expected + "; \"" + cut(entry.getKey()) + "\" is not");
                }
                out.put(entry.getKey(), quantity.asInt());
            });
            return out;
        }

        List<OrderLine> orderLines(String key) {
            JsonNode value = node.get(key);
            String expected = "a non-empty array of {item, quantity, unitPrice}";
            if (value == null || !value.isArray() || value.isEmpty()) {
                throw needs(key, expected);
            }
            List<OrderLine> lines = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                Fields line =
                        Fields.nested(this, key + "[" + i + "]", value.get(i)).only("item", "quantity", "unitPrice");
                String item = line.requiredString("item");
                if (!line.has("quantity")) {
                    throw line.needs("quantity", "an integer > 0");
                }
                if (!line.has("unitPrice")) {
                    throw line.needs("unitPrice", "an integer of cents >= 0");
                }
                int quantity = line.optionalInt("quantity", 1, 1, Integer.MAX_VALUE);
                long unitPrice = line.optionalLong("unitPrice", 0, 0, Long.MAX_VALUE);
                lines.add(new OrderLine(item, quantity, unitPrice));
            }
            return lines;
        }

        private static String range(long min, long max) {
            if (max == Long.MAX_VALUE || max == Integer.MAX_VALUE) {
                return min == 0 ? " >= 0" : " >= " + min;
            }
            return " within [" + min + ", " + max + "]";
        }
    }

    private static String kindOf(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A name quoted back in an error, cut so a hostile key cannot flood the log. */
    private static String cut(String text) {
        String oneLine = text.replaceAll("[\\r\\n\\t]", " ");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 40) + "...";
    }

    // ---------------------------------------------------------------- canonical text

    /** The compact JSON text of {@code node}: keys in the order the codec wrote them. */
    public static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The compact JSON text of a list of nodes, as one array. */
    public static String text(List<? extends JsonNode> nodes) {
        ArrayNode array = NODES.arrayNode();
        nodes.forEach(array::add);
        return text(array);
    }
}

package org.mercato.sim.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.protocol.Proposal;
import org.mercato.sim.protocol.RejectionReason;

/**
 * Reads {@code events.jsonl} back into the {@link LoggedEvent}s that wrote it, so metrics can be
 * recomputed from a saved log. Money decimals become cents exactly (a value with more than two
 * places is an error, not a rounding). Fields the log does not carry take the defaults the
 * records give them: a customer's and a service's {@code name} is its id, descriptions, requests
 * and personas are empty, a service has no response-time profile, and a proposal's {@code
 * createdAt} is its event's time (as the market records it). Writing a read event again gives the
 * same line, byte for byte.
 */
public final class EventReader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private EventReader() {}

    /**
     * Reads every event of a log into the sink, in order; a bad line, or an event that breaks the
     * log's consistency ({@link EventLogChecks}), throws with its number, and so does a log without
     * events.
     */
    public static long read(Path log, EventSink sink) throws IOException {
        EventLogChecks checks = new EventLogChecks();
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long lineNumber = 0;
        try (BufferedReader in =
                new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(log), decoder), 1 << 16)) {
            String line;
            while (true) {
                try {
                    line = in.readLine();
                } catch (java.nio.charset.CharacterCodingException e) {
                    throw new EventLogException(log, lineNumber + 1, "not valid UTF-8");
                }
                if (line == null) {
                    break;
                }
                lineNumber++;
                LoggedEvent event;
                try {
                    event = parse(line);
                } catch (IllegalArgumentException e) {
                    throw new EventLogException(log, lineNumber, e.getMessage());
                }
                String problem = checks.problem(event, lineNumber);
                if (problem != null) {
                    throw new EventLogException(log, lineNumber, problem);
                }
                sink.accept(event);
            }
        }
        if (lineNumber == 0) {
            throw new EventLogException(log, "empty: no events");
        }
        return lineNumber;
    }

    /** Reads a whole log into memory. */
    public static List<LoggedEvent> readAll(Path log) throws IOException {
        List<LoggedEvent> events = new ArrayList<>();
        read(log, events::add);
        return events;
    }

    /** Parses one line; throws {@link IllegalArgumentException} naming the bad field. */
    public static LoggedEvent parse(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        Fields f = new Fields(node);
        long t = f.integer("t");
        long seq = f.integer("seq");
        String type = f.string("type");
        Event event = switch (type) {
            case "customer" ->
                new CustomerEvent(new Customer(
                        f.string("id"),
                        null,
                        null,
                        f.counts("items"),
                        f.prices("reference_prices"),
                        f.strings("amenities"),
                        f.money("budget"),
                        f.money("time_cost_per_hour"),
                        null));
            case "service" ->
                new ServiceEvent(new Service(
                        f.string("id"),
                        null,
                        null,
                        f.prices("menu"),
                        f.strings("amenities"),
                        f.decimal("rating"),
                        f.int32("reviews"),
                        f.prices("unit_costs"),
                        f.int32("capacity"),
                        null,
                        f.optionalString("tactic")));
            case "search" ->
                new SearchEvent(
                        f.string("agent"),
                        f.string("query"),
                        f.int32("page"),
                        f.int32("pages"),
                        List.copyOf(f.stringList("results")));
            case "impression" ->
                new ImpressionEvent(
                        f.string("agent"),
                        f.integer("search"),
                        f.string("service"),
                        f.int32("rank"),
                        f.int32("row"),
                        f.int32("column"),
                        f.strings("tags"),
                        f.nullableMoney("price"),
                        f.decimal("price_factor"),
                        f.decimal("rating"),
                        f.int32("reviews"));
            case "message" -> new MessageEvent(f.string("from"), f.string("to"), f.string("text"), f.counts("items"));
            case "proposal" ->
                new ProposalEvent(new Proposal(
                        f.string("id"),
                        f.string("service"),
                        f.string("customer"),
                        f.lines("lines"),
                        f.money("total"),
                        t,
                        f.integer("valid_until")));
            case "reveal" -> new RevealEvent(f.string("proposal"), f.string("customer"), f.string("service"));
            case "payment" ->
                new PaymentEvent(f.string("proposal"), f.string("customer"), f.string("service"), f.money("amount"));
            case "decline" -> new DeclineEvent(f.string("proposal"), f.string("customer"), f.string("service"));
            case "rejected" ->
                new RejectionEvent(f.string("agent"), f.string("action"), f.string("ref"), f.reason("reason"));
            case "wait" -> new WaitEvent(f.string("agent"), f.integer("until"));
            case "wake" -> new WakeEvent(f.string("agent"));
            case "done" -> new DoneEvent(f.string("agent"), f.string("reason"));
            case "task" ->
                new TaskEvent(f.string("id"), f.string("customer"), f.decimal("difficulty"), f.string("text"));
            case "bid" ->
                new BidEvent(
                        f.string("task"),
                        f.string("bidder"),
                        f.string("class"),
                        f.int32("round"),
                        f.decimal("price_per_token"),
                        f.int32("tokens"),
                        f.decimal("entropy"),
                        f.decimals("jury"),
                        f.decimal("cost"),
                        f.decimal("value"),
                        f.decimal("score"),
                        List.copyOf(f.stringList("memory")));
            case "auction" ->
                new AuctionEvent(
                        f.string("task"),
                        f.string("provisional"),
                        f.string("winner"),
                        f.string("class"),
                        f.decimal("score"),
                        f.int32("refined"),
                        f.int32("memory"));
            case "execution" ->
                new ExecutionEvent(
                        f.string("task"), f.string("bidder"), f.string("class"), f.bool("success"), f.decimal("cost"));
            case "ad_auction" ->
                new AdAuctionEvent(
                        f.string("agent"),
                        f.integer("search"),
                        f.string("query"),
                        f.string("mechanism"),
                        f.int32("slots"),
                        f.money("reserve"),
                        f.adBids("bids"),
                        f.adWinners("winners"));
            case "arrival" -> new ArrivalEvent(f.string("customer"), f.int32("visit"));
            case "period" -> new PeriodEvent(f.int32("period"), f.integer("start"), f.integer("end"));
            case "delivery" ->
                new DeliveryEvent(
                        f.string("proposal"), f.string("customer"), f.string("service"), f.decimal("quality"));
            case "review" ->
                new ReviewEvent(
                        f.string("service"),
                        f.optionalString("customer"),
                        f.optionalString("proposal"),
                        f.int32("stars"),
                        f.optionalTrue("fake"),
                        f.optionalTrue("filtered"));
            case "review_text" ->
                new ReviewTextEvent(
                        f.string("customer"),
                        f.string("service"),
                        f.string("proposal"),
                        f.int32("stars"),
                        f.string("text"));
            case "reputation" -> new ReputationEvent(f.string("service"), f.decimal("rating"), f.int32("reviews"));
            case "restock" -> new RestockEvent(f.string("service"), f.int32("stock"));
            case "quality" -> new QualityEvent(f.string("service"), f.decimal("quality"));
            case "ad_charge" ->
                new AdChargeEvent(
                        f.string("service"),
                        f.string("customer"),
                        f.integer("search"),
                        f.string("basis"),
                        f.money("amount"),
                        f.nullableMoney("budget_left"));
            case "pricing_benchmark" ->
                new PricingBenchmarkEvent(
                        f.int32("firms"),
                        f.decimals("quality"),
                        f.decimals("cost"),
                        f.decimal("outside"),
                        f.decimal("mu"),
                        f.decimals("nashPrices"),
                        f.decimals("nashProfits"),
                        f.decimals("monopolyPrices"),
                        f.decimals("monopolyProfits"),
                        f.decimals("grid"));
            case "pricing_block" ->
                new PricingBlockEvent(
                        f.int32("episode"),
                        f.integer("from"),
                        f.integer("to"),
                        f.decimals("prices"),
                        f.decimals("profits"),
                        f.decimal("epsilon"));
            case "pricing_episode" ->
                new PricingEpisodeEvent(
                        f.int32("episode"),
                        f.integer("periods"),
                        f.bool("converged"),
                        f.decimals("prices"),
                        f.decimals("profits"),
                        f.decimal("gain"));
            case "pricing_impulse" ->
                new PricingImpulseEvent(f.int32("episode"), f.int32("deviator"), f.decimalRows("prices"));
            case "pricing_period" ->
                new PricingPeriodEvent(
                        f.int32("period"),
                        f.stringList("services"),
                        f.amounts("prices"),
                        f.integers("sales"),
                        f.amounts("profits"));
            default -> throw new IllegalArgumentException("unknown event type '" + type + "'");
        };
        f.requireAllRead(type);
        return new LoggedEvent(t, seq, event);
    }

    /** A log line that cannot be read: the file, the 1-based line number and what is wrong. */
    public static final class EventLogException extends RuntimeException {
        private final long line;

        public EventLogException(Path log, long line, String problem) {
            super(log + ":" + line + ": " + problem);
            this.line = line;
        }

        /** A problem with the whole log rather than one line (line 0). */
        public EventLogException(Path log, String problem) {
            super(log + ": " + problem);
            this.line = 0;
        }

        public long line() {
            return line;
        }
    }

    /** Typed access to one line's fields; remembers which were read so extra fields are reported. */
    private static final class Fields {
        private final JsonNode node;
        private final java.util.Set<String> read = new java.util.HashSet<>();

        Fields(JsonNode node) {
            this.node = node;
        }

        private JsonNode get(String name) {
            JsonNode value = node.get(name);
            if (value == null) {
                throw new IllegalArgumentException("missing field '" + name + "'");
            }
            read.add(name);
            return value;
        }

        void requireAllRead(String type) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!read.contains(name)) {
                    throw new IllegalArgumentException("unknown field '" + name + "' in a " + type + " event");
                }
            }
        }

        private static IllegalArgumentException bad(String name, String expected, JsonNode value) {
            return new IllegalArgumentException("field '" + name + "': expected " + expected + ", got " + value);
        }

        /** A string field that may be absent (null then). */
        String optionalString(String name) {
            return node.has(name) ? string(name) : null;
        }

        String string(String name) {
            JsonNode value = get(name);
            if (!value.isTextual()) {
                throw bad(name, "a string", value);
            }
            return value.textValue();
        }

        long integer(String name) {
            JsonNode value = get(name);
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw bad(name, "an integer", value);
            }
            return value.longValue();
        }

        int int32(String name) {
            JsonNode value = get(name);
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                throw bad(name, "an integer", value);
            }
            return value.intValue();
        }

        /** A double as the writer printed it (integral values without a fraction); null is NaN. */
        double decimal(String name) {
            JsonNode value = get(name);
            if (value.isNull()) {
                return Double.NaN;
            }
            if (!value.isNumber()) {
                throw bad(name, "a number", value);
            }
            return Double.parseDouble(value.numberValue().toString());
        }

        /** A flag written only when true: absent is false, and a written false is refused. */
        boolean optionalTrue(String name) {
            if (!node.has(name)) {
                return false;
            }
            JsonNode value = get(name);
            if (!value.isBoolean() || !value.booleanValue()) {
                throw bad(name, "true (or no field)", value);
            }
            return true;
        }

        boolean bool(String name) {
            JsonNode value = get(name);
            if (!value.isBoolean()) {
                throw bad(name, "true or false", value);
            }
            return value.booleanValue();
        }

        List<Double> decimals(String name) {
            return numbers(name, array(name));
        }

        private static List<Double> numbers(String name, JsonNode array) {
            List<Double> values = new ArrayList<>();
            for (JsonNode value : array) {
                if (!value.isNumber()) {
                    throw bad(name, "numbers", value);
                }
                values.add(Double.parseDouble(value.numberValue().toString()));
            }
            return values;
        }

        List<List<Double>> decimalRows(String name) {
            List<List<Double>> rows = new ArrayList<>();
            for (JsonNode row : array(name)) {
                String element = name + "[" + rows.size() + "]";
                if (!row.isArray()) {
                    throw bad(element, "an array", row);
                }
                rows.add(numbers(element, row));
            }
            return rows;
        }

        List<Long> integers(String name) {
            List<Long> values = new ArrayList<>();
            for (JsonNode value : array(name)) {
                if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                    throw bad(name, "integers", value);
                }
                values.add(value.longValue());
            }
            return values;
        }

        List<Long> amounts(String name) {
            List<Long> values = new ArrayList<>();
            for (JsonNode value : array(name)) {
                values.add(cents(name, value));
            }
            return values;
        }

        long money(String name) {
            return cents(name, get(name));
        }

        Long nullableMoney(String name) {
            JsonNode value = get(name);
            return value.isNull() ? null : cents(name, value);
        }

        private static long cents(String name, JsonNode value) {
            if (!value.isNumber()) {
                throw bad(name, "an amount", value);
            }
            BigDecimal amount = value.decimalValue();
            try {
                return amount.movePointRight(2).setScale(0).longValueExact();
            } catch (ArithmeticException e) {
                throw bad(name, "an amount in whole cents", value);
            }
        }

        RejectionReason reason(String name) {
            String label = string(name);
            try {
                RejectionReason reason = RejectionReason.valueOf(label.toUpperCase(Locale.ROOT));
                if (!reason.label().equals(label)) {
                    throw new IllegalArgumentException();
                }
                return reason;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("field '" + name + "': unknown rejection reason '" + label + "'");
            }
        }

        private JsonNode object(String name) {
            JsonNode value = get(name);
            if (!value.isObject()) {
                throw bad(name, "an object", value);
            }
            return value;
        }

        private JsonNode array(String name) {
            JsonNode value = get(name);
            if (!value.isArray()) {
                throw bad(name, "an array", value);
            }
            return value;
        }

        SortedMap<String, Integer> counts(String name) {
            SortedMap<String, Integer> counts = new TreeMap<>();
            for (Map.Entry<String, JsonNode> entry : object(name).properties()) {
                JsonNode value = entry.getValue();
                if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                    throw bad(name + "." + entry.getKey(), "an integer", value);
                }
                counts.put(entry.getKey(), value.intValue());
            }
            return counts;
        }

        SortedMap<String, Long> prices(String name) {
            SortedMap<String, Long> prices = new TreeMap<>();
            for (Map.Entry<String, JsonNode> entry : object(name).properties()) {
                prices.put(entry.getKey(), cents(name + "." + entry.getKey(), entry.getValue()));
            }
            return prices;
        }

        List<String> stringList(String name) {
            List<String> values = new ArrayList<>();
            for (JsonNode value : array(name)) {
                if (!value.isTextual()) {
                    throw bad(name, "strings", value);
                }
                values.add(value.textValue());
            }
            return values;
        }

        SortedSet<String> strings(String name) {
            return new TreeSet<>(stringList(name));
        }

        List<AdAuctionEvent.Bid> adBids(String name) {
            List<AdAuctionEvent.Bid> bids = new ArrayList<>();
            int i = 0;
            for (JsonNode element : array(name)) {
                Fields bid = element(name, i, element);
                try {
                    bids.add(new AdAuctionEvent.Bid(bid.string("service"), bid.money("bid"), bid.decimal("quality")));
                    bid.requireAllRead("bid");
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(name + "[" + i + "]." + e.getMessage());
                }
                i++;
            }
            return bids;
        }

        List<AdAuctionEvent.Winner> adWinners(String name) {
            List<AdAuctionEvent.Winner> winners = new ArrayList<>();
            int i = 0;
            for (JsonNode element : array(name)) {
                Fields winner = element(name, i, element);
                try {
                    winners.add(new AdAuctionEvent.Winner(
                            winner.int32("slot"), winner.string("service"), winner.money("price")));
                    winner.requireAllRead("winner");
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(name + "[" + i + "]." + e.getMessage());
                }
                i++;
            }
            return winners;
        }

        private static Fields element(String name, int i, JsonNode element) {
            if (!element.isObject()) {
                throw bad(name + "[" + i + "]", "an object", element);
            }
            return new Fields(element);
        }

        List<OrderLine> lines(String name) {
            List<OrderLine> lines = new ArrayList<>();
            int i = 0;
            for (JsonNode element : array(name)) {
                if (!element.isObject()) {
                    throw bad(name + "[" + i + "]", "an object", element);
                }
                Fields line = new Fields(element);
                String prefix = name + "[" + i + "].";
                try {
                    lines.add(new OrderLine(line.string("item"), line.int32("qty"), line.money("price")));
                    line.requireAllRead("order line");
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(prefix + e.getMessage());
                }
                i++;
            }
            return lines;
        }
    }
}

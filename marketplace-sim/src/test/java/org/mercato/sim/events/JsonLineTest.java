package org.mercato.sim.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Money;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.protocol.Proposal;
import org.mercato.sim.protocol.RejectionReason;

class JsonLineTest {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private interface Writes {
        void to(JsonLine line);
    }

    private static String object(Writes fields) {
        StringBuilder out = new StringBuilder();
        JsonLine line = new JsonLine(out).begin();
        fields.to(line);
        line.end();
        return out.toString();
    }

    private static JsonNode parse(String json) throws Exception {
        return JSON.readTree(json);
    }

    // ------------------------------------------------------------------ strings

    @Test
    void escapesQuotesBackslashesAndControlCharacters() throws Exception {
        String nasty = "say \"hi\" \\ back\\slash\nnew\rret\ttab\u0000nul\u0001\u0008\u000c\u001f end";
        String json = object(line -> line.field("s", nasty));

        assertThat(parse(json).get("s").textValue()).isEqualTo(nasty);
        assertThat(json)
                .contains("\\\"hi\\\"")
                .contains("\\\\ back\\\\slash")
                .contains("\\n")
                .contains("\\r")
                .contains("\\t")
                .contains("\\u0000")
                .contains("\\u0001")
                .contains("\\u0008")
                .contains("\\u000c")
                .contains("\\u001f");
        // No raw control character survives.
        assertThat(json.chars()).noneMatch(c -> c < 0x20);
    }

    @Test
    void writesNonAsciiTextAsIs() throws Exception {
        String text = "café ✓ 日本 😀 \u007f \u2028 \u00a0";
        String json = object(line -> line.field("s", text));
        assertThat(json).isEqualTo("{\"s\":\"" + text + "\"}");
        assertThat(parse(json).get("s").textValue()).isEqualTo(text);
    }

    @Test
    void escapesInsideArraysAndMapKeys() throws Exception {
        String json = object(line -> line.strings("list", List.of("a\"b", "c\\d", "e\nf"))
                .counts("counts", new TreeMap<>(Map.of("x\"y", 2, "tab\t", 3)))
                .prices("prices", new TreeMap<>(Map.of("q\\z", 150L))));
        JsonNode node = parse(json);
        assertThat(node.get("list").get(0).textValue()).isEqualTo("a\"b");
        assertThat(node.get("list").get(1).textValue()).isEqualTo("c\\d");
        assertThat(node.get("list").get(2).textValue()).isEqualTo("e\nf");
        assertThat(node.get("counts").get("x\"y").intValue()).isEqualTo(2);
        assertThat(node.get("counts").get("tab\t").intValue()).isEqualTo(3);
        assertThat(node.get("prices").get("q\\z").decimalValue()).isEqualByComparingTo("1.50");
    }

    @Test
    void emptyStringsCollectionsAndMaps() throws Exception {
        String json = object(line -> line.field("s", "")
                .strings("list", List.of())
                .counts("counts", Map.of())
                .prices("prices", Map.of()));
        assertThat(json).isEqualTo("{\"s\":\"\",\"list\":[],\"counts\":{},\"prices\":{}}");
        parse(json);
    }

    // ------------------------------------------------------------------ numbers

    @ParameterizedTest
    @CsvSource({
        "0, 0.00",
        "1, 0.01",
        "9, 0.09",
        "10, 0.10",
        "99, 0.99",
        "100, 1.00",
        "105, 1.05",
        "1234, 12.34",
        "123456789, 1234567.89",
        "-1, -0.01",
        "-9, -0.09",
        "-10, -0.10",
        "-100, -1.00",
        "-1234, -12.34",
        "9223372036854775807, 92233720368547758.07",
        "-9223372036854775807, -92233720368547758.07"
    })
    void moneyIsWrittenWithTwoDecimals(long cents, String text) throws Exception {
        String json = object(line -> line.money("m", cents));
        assertThat(json).isEqualTo("{\"m\":" + text + "}");
        assertThat(parse(json).get("m").decimalValue()).isEqualByComparingTo(new BigDecimal(text));
        assertThat(Money.format(cents)).isEqualTo(text);
        assertThat(Money.cents(text)).isEqualTo(cents);
    }

    @Test
    void theMostNegativeAmountIsStillANumber() throws Exception {
        String json = object(line -> line.money("m", Long.MIN_VALUE));
        assertThat(json).isEqualTo("{\"m\":-92233720368547758.08}");
        parse(json);
    }

    @ParameterizedTest
    @CsvSource({
        "4.0, 4",
        "-3.0, -3",
        "0.0, 0",
        "-0.0, 0",
        "4.5, 4.5",
        "0.1, 0.1",
        "-2.25, -2.25",
        "123456789012345.0, 123456789012345",
        "1.0E15, 1.0E15",
        "1.0E-7, 1.0E-7"
    })
    void doublesAreWrittenWithoutATrailingPointZeroWhenIntegral(double value, String text) throws Exception {
        String json = object(line -> line.field("d", value));
        assertThat(json).isEqualTo("{\"d\":" + text + "}");
        assertThat(parse(json).get("d").decimalValue().doubleValue()).isEqualTo(value == 0 ? 0.0 : value);
    }

    @Test
    void nonFiniteDoublesAreNull() throws Exception {
        for (double value : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            String json = object(line -> line.field("d", value));
            assertThat(json).isEqualTo("{\"d\":null}");
            assertThat(parse(json).get("d").isNull()).isTrue();
        }
    }

    @Test
    void longsAndBooleans() throws Exception {
        String json = object(line -> line.field("min", Long.MIN_VALUE)
                .field("max", Long.MAX_VALUE)
                .field("yes", true)
                .field("no", false));
        assertThat(json)
                .isEqualTo("{\"min\":-9223372036854775808,\"max\":9223372036854775807,\"yes\":true,\"no\":false}");
        JsonNode node = parse(json);
        assertThat(node.get("min").longValue()).isEqualTo(Long.MIN_VALUE);
        assertThat(node.get("yes").booleanValue()).isTrue();
    }

    // ------------------------------------------------------------------ structure

    @Test
    void arraysOfObjectsHaveCommasInTheRightPlaces() throws Exception {
        for (int n = 0; n <= 3; n++) {
            int count = n;
            String json = object(line -> {
                line.field("before", 1).beginArray("xs");
                for (int i = 0; i < count; i++) {
                    line.element().field("i", i).field("s", "v" + i).endElement();
                }
                line.endArray().field("after", 2);
            });
            JsonNode node = parse(json);
            assertThat(node.get("xs")).hasSize(count);
            for (int i = 0; i < count; i++) {
                assertThat(node.get("xs").get(i).get("i").intValue()).isEqualTo(i);
            }
            assertThat(node.get("after").intValue()).isEqualTo(2);
        }
    }

    private static final Proposal PROPOSAL = new Proposal(
            "p7",
            "s\"1",
            "c\n1",
            List.of(new OrderLine("pizza", 2, 1205), new OrderLine("soda", 1, 5)),
            2415,
            100,
            900);

    /** One instance of every event type, with awkward text where there is text. */
    static List<Event> everyEventType() {
        Customer customer = new Customer(
                "c\"1",
                null,
                "need\tfood",
                new TreeMap<>(Map.of("pizza", 2)),
                new TreeMap<>(Map.of("pizza", 1505L)),
                new TreeSet<>(Set.of("vegan")),
                5);
        Service service = Service.of("s\\1", Map.of("pizza", 1200L, "soda", 5L), Set.of("delivery"), 4.0, 12);
        return List.of(
                new CustomerEvent(customer),
                new ServiceEvent(service),
                new SearchEvent("c1", "pizza \"best\"", 0, 3, List.of("s1", "s\\2")),
                new MessageEvent("c1", "s1", "hello\nthere ✓", new TreeMap<>(Map.of("pizza", 2))),
                new ProposalEvent(PROPOSAL),
                new PaymentEvent("p7", "c1", "s1", 2415),
                new DeclineEvent("p8", "c1", "s1"),
                new RejectionEvent("c1", "pay", "p9", RejectionReason.WRONG_AMOUNT),
                new WaitEvent("s1", 123_456),
                new WakeEvent("s1"),
                new DoneEvent("c1", "bought \"it\""),
                new ImpressionEvent(
                        "c1",
                        2,
                        "s\\2",
                        12,
                        2,
                        3,
                        new TreeSet<>(Set.of("sponsored", "scarcity:3")),
                        2415L,
                        0.8123456789,
                        4.3,
                        57),
                new RevealEvent("p7", "c\"1", "s1"),
                new TaskEvent("c1-t1", "c\"1", 0.25, "plan a \"route\""),
                new BidEvent(
                        "c1-t1",
                        "small",
                        "small",
                        2,
                        0.15,
                        120,
                        2.0131,
                        List.of(4.25, 5.0),
                        0.09,
                        9.45,
                        -9.36,
                        List.of("c0-t1")),
                new AuctionEvent("c1-t1", "large", "small", "small", -9.36, 1, 3),
                new ExecutionEvent("c1-t1", "small", "small", false, 18.0),
                new AdAuctionEvent(
                        "c\"1",
                        3,
                        "tacos",
                        "gsp",
                        2,
                        50,
                        List.of(new AdAuctionEvent.Bid("s1", 120, 0.8)),
                        List.of(new AdAuctionEvent.Winner(1, "s1", 50))),
                new AdChargeEvent("s1", "c\"1", 3, "choice", 50, null),
                new ArrivalEvent("c\"1", 2),
                new PeriodEvent(3, 300, 400),
                new DeliveryEvent("p7", "c\"1", "s1", 0.4),
                new ReviewEvent("s1", null, null, 5, true, true),
                new ReviewTextEvent("c1", "s1", "p1", 4, "Hot and \"on time\".\n"),
                new ReputationEvent("s1", 4.2, 13),
                new RestockEvent("s1", 4),
                new QualityEvent("s1", 0.4),
                new PricingBenchmarkEvent(
                        2,
                        List.of(2.0, 2.0),
                        List.of(1.0, 1.0),
                        0,
                        0.25,
                        List.of(1.47, 1.47),
                        List.of(0.22, 0.22),
                        List.of(1.92, 1.92),
                        List.of(0.34, 0.34),
                        List.of(1.4, 2.0)),
                new PricingBlockEvent(0, 0, 10, List.of(1.6), List.of(0.2), 0.5),
                new PricingEpisodeEvent(0, 10, false, List.of(1.6), List.of(0.2), 0.1),
                new PricingImpulseEvent(0, 0, List.of(List.of(1.6, 1.7))),
                new PricingPeriodEvent(0, List.of("s\"1"), List.of(150L), List.of(2L), List.of(100L)));
    }

    @Test
    void theExampleListCoversEveryEventType() {
        Set<Class<?>> covered = new java.util.HashSet<>();
        for (Event event : everyEventType()) {
            covered.add(event.getClass());
        }
        assertThat(covered).containsExactlyInAnyOrder(Event.class.getPermittedSubclasses());
    }

    @Test
    void everyEventWritesTSeqTypeFirstAndIsValidJson() throws Exception {
        long seq = 0;
        for (Event event : everyEventType()) {
            StringBuilder out = new StringBuilder();
            new LoggedEvent(1_000 + seq, seq, event).writeJson(out);
            JsonNode node = parse(out.toString());

            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            assertThat(names).as(event.type()).startsWith("t", "seq", "type").hasSizeGreaterThan(3);
            assertThat(node.get("t").longValue()).isEqualTo(1_000 + seq);
            assertThat(node.get("seq").longValue()).isEqualTo(seq);
            assertThat(node.get("type").textValue()).isEqualTo(event.type());
            seq++;
        }
    }

    @Test
    void typeNamesAreDistinct() {
        List<String> types = everyEventType().stream().map(Event::type).toList();
        assertThat(types)
                .doesNotHaveDuplicates()
                .containsExactly(
                        "customer",
                        "service",
                        "search",
                        "message",
                        "proposal",
                        "payment",
                        "decline",
                        "rejected",
                        "wait",
                        "wake",
                        "done",
                        "impression",
                        "reveal",
                        "task",
                        "bid",
                        "auction",
                        "execution",
                        "ad_auction",
                        "ad_charge",
                        "arrival",
                        "period",
                        "delivery",
                        "review",
                        "review_text",
                        "reputation",
                        "restock",
                        "quality",
                        "pricing_benchmark",
                        "pricing_block",
                        "pricing_episode",
                        "pricing_impulse",
                        "pricing_period");
    }

    @Test
    void impressionFieldsRoundTripInOrderAndAHiddenPriceIsNull() throws Exception {
        List<Event> events = everyEventType();
        StringBuilder out = new StringBuilder();
        new LoggedEvent(5, 3, events.get(11)).writeJson(out);
        assertThat(out.toString())
                .isEqualTo("{\"t\":5,\"seq\":3,\"type\":\"impression\",\"agent\":\"c1\",\"search\":2,"
                        + "\"service\":\"s\\\\2\",\"rank\":12,\"row\":2,\"column\":3,"
                        + "\"tags\":[\"scarcity:3\",\"sponsored\"],\"price\":24.15,\"price_factor\":0.8123456789,"
                        + "\"rating\":4.3,\"reviews\":57}");
        JsonNode node = parse(out.toString());
        assertThat(node.get("price_factor").doubleValue()).isEqualTo(0.8123456789);

        StringBuilder hidden = new StringBuilder();
        new LoggedEvent(5, 4, new ImpressionEvent("c1", 2, "s1", 1, 1, 1, null, null, 1.0, 4.0, 0)).writeJson(hidden);
        JsonNode none = parse(hidden.toString());
        assertThat(none.get("price").isNull()).isTrue();
        assertThat(none.get("tags")).isEmpty();
        assertThat(none.get("price_factor").toString()).isEqualTo("1");
    }

    @Test
    void aServiceNamesItsTacticOnlyWhenItHasOne() {
        Service plain = Service.of("s1", Map.of("pizza", 1200L), Set.of(), 4.0, 12);
        StringBuilder control = new StringBuilder();
        new LoggedEvent(0, 1, new ServiceEvent(plain)).writeJson(control);
        assertThat(control.toString())
                .isEqualTo("{\"t\":0,\"seq\":1,\"type\":\"service\",\"id\":\"s1\",\"menu\":{\"pizza\":12.00},"
                        + "\"amenities\":[],\"rating\":4,\"reviews\":12,\"unit_costs\":{},\"capacity\":0}");
        StringBuilder manipulating = new StringBuilder();
        new LoggedEvent(0, 1, new ServiceEvent(plain.withTactic("social-proof"))).writeJson(manipulating);
        assertThat(manipulating.toString())
                .isEqualTo(control.substring(0, control.length() - 1) + ",\"tactic\":\"social-proof\"}");
    }

    @Test
    void revealNamesTheProposalAndBothSides() {
        StringBuilder out = new StringBuilder();
        new LoggedEvent(9, 8, new RevealEvent("p7", "c\"1", "s1")).writeJson(out);
        assertThat(out.toString())
                .isEqualTo("{\"t\":9,\"seq\":8,\"type\":\"reveal\",\"proposal\":\"p7\",\"customer\":\"c\\\"1\","
                        + "\"service\":\"s1\"}");
    }

    @Test
    void eventFieldsRoundTrip() throws Exception {
        List<Event> events = everyEventType();
        List<JsonNode> nodes = new ArrayList<>();
        for (Event event : events) {
            StringBuilder out = new StringBuilder();
            new LoggedEvent(0, 0, event).writeJson(out);
            nodes.add(parse(out.toString()));
        }
        JsonNode customer = nodes.get(0);
        assertThat(customer.get("id").textValue()).isEqualTo("c\"1");
        assertThat(customer.get("items").get("pizza").intValue()).isEqualTo(2);
        assertThat(customer.get("reference_prices").get("pizza").decimalValue()).isEqualByComparingTo("15.05");
        assertThat(customer.get("amenities").get(0).textValue()).isEqualTo("vegan");
        assertThat(customer.get("budget").decimalValue()).isEqualByComparingTo("0.05");

        JsonNode service = nodes.get(1);
        assertThat(service.get("id").textValue()).isEqualTo("s\\1");
        assertThat(service.get("menu").get("soda").decimalValue()).isEqualByComparingTo("0.05");
        assertThat(service.get("rating").toString()).isEqualTo("4");
        assertThat(service.get("reviews").intValue()).isEqualTo(12);

        JsonNode search = nodes.get(2);
        assertThat(search.get("query").textValue()).isEqualTo("pizza \"best\"");
        assertThat(search.get("pages").intValue()).isEqualTo(3);
        assertThat(search.get("results").get(1).textValue()).isEqualTo("s\\2");

        JsonNode proposal = nodes.get(4);
        assertThat(proposal.get("id").textValue()).isEqualTo("p7");
        assertThat(proposal.get("service").textValue()).isEqualTo("s\"1");
        assertThat(proposal.get("customer").textValue()).isEqualTo("c\n1");
        assertThat(proposal.get("lines")).hasSize(2);
        assertThat(proposal.get("lines").get(0).get("item").textValue()).isEqualTo("pizza");
        assertThat(proposal.get("lines").get(0).get("qty").intValue()).isEqualTo(2);
        assertThat(proposal.get("lines").get(0).get("price").decimalValue()).isEqualByComparingTo("12.05");
        assertThat(proposal.get("lines").get(1).get("price").decimalValue()).isEqualByComparingTo("0.05");
        assertThat(proposal.get("total").decimalValue()).isEqualByComparingTo("24.15");
        assertThat(proposal.get("valid_until").longValue()).isEqualTo(900);

        assertThat(nodes.get(5).get("amount").decimalValue()).isEqualByComparingTo("24.15");
        assertThat(nodes.get(7).get("reason").textValue()).isEqualTo("wrong_amount");
        assertThat(nodes.get(8).get("until").longValue()).isEqualTo(123_456);
        assertThat(nodes.get(10).get("reason").textValue()).isEqualTo("bought \"it\"");
    }

    @Test
    void proposalWithoutLinesIsStillValidJson() throws Exception {
        Proposal empty = new Proposal("p1", "s", "c", List.of(), 0, 0, 0);
        StringBuilder out = new StringBuilder();
        new LoggedEvent(0, 0, new ProposalEvent(empty)).writeJson(out);
        JsonNode node = parse(out.toString());
        assertThat(node.get("lines")).isEmpty();
        assertThat(node.get("total").decimalValue()).isEqualByComparingTo("0");
    }

    // ------------------------------------------------------------------ the writer

    @Test
    void writerWritesOneUtf8LinePerEvent() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Event> events = everyEventType();
        try (JsonlEventWriter writer = new JsonlEventWriter(bytes)) {
            long seq = 0;
            for (Event event : events) {
                writer.accept(new LoggedEvent(seq * 10, seq, event));
                seq++;
            }
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n");
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(events.size());
        for (int i = 0; i < lines.size(); i++) {
            assertThat(parse(lines.get(i)).get("seq").longValue()).isEqualTo(i);
        }
        assertThat(Arrays.equals(
                        bytes.toByteArray(), (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(text).contains("✓"); // written as UTF-8, not escaped or replaced
    }

    @Test
    void unpairedSurrogatesSurviveTheLog() throws Exception {
        String text = "half \ud83d of an emoji";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonlEventWriter writer = new JsonlEventWriter(bytes)) {
            writer.accept(new LoggedEvent(0, 0, new DoneEvent("c1", text)));
        }
        assertThat(parse(bytes.toString(StandardCharsets.UTF_8)).get("reason").textValue())
                .isEqualTo(text);
    }
}

package org.mercato.sim.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.protocol.Proposal;
import org.mercato.sim.protocol.RejectionReason;

class EventReaderTest {
    @TempDir
    Path dir;

    static String line(LoggedEvent event) {
        StringBuilder out = new StringBuilder();
        event.writeJson(out);
        return out.toString();
    }

    /** One event of every type, with awkward strings and amounts; fields the log lacks at their defaults. */
    static List<LoggedEvent> everyType() {
        Customer customer = new Customer(
                "c-1",
                null,
                null,
                new TreeMap<>(Map.of("Tacos", 2, "Agua \"fresca\"", 1)),
                new TreeMap<>(Map.of("Tacos", 1050L, "Agua \"fresca\"", 5L)),
                new TreeSet<>(Set.of("wifi", "patio")),
                123456789L,
                -0L,
                null);
        Service service = new Service(
                "s\\1",
                null,
                null,
                new TreeMap<>(Map.of("Tacos", 950L, "Agua \"fresca\"", 0L)),
                new TreeSet<>(Set.of("wifi")),
                4.3,
                17,
                new TreeMap<>(Map.of("Tacos", 1L)),
                3,
                null,
                "prompt-injection-strong");
        Proposal proposal = new Proposal(
                "p-7",
                "s\\1",
                "c-1",
                List.of(new OrderLine("Tacos", 2, 950), new OrderLine("Agua \"fresca\"", 1, 1)),
                1901,
                5_000,
                9_000_000_000L);
        return List.of(
                new LoggedEvent(0, 0, new CustomerEvent(customer)),
                new LoggedEvent(0, 1, new ServiceEvent(service)),
                new LoggedEvent(
                        10, 2, new SearchEvent("c-1", "tacos\n\t\u0001 ünï \ud83c\udf2e", 1, 3, List.of("s\\1"))),
                new LoggedEvent(
                        10,
                        3,
                        new ImpressionEvent(
                                "c-1",
                                2,
                                "s\\1",
                                1,
                                1,
                                2,
                                new TreeSet<>(Set.of("sponsored", "scarcity:3")),
                                1900L,
                                1.0,
                                4.3,
                                17)),
                new LoggedEvent(10, 4, new ImpressionEvent("c-1", 2, "x", 2, 1, 3, new TreeSet<>(), null, 0.95, 0, 0)),
                new LoggedEvent(
                        20,
                        5,
                        new MessageEvent("c-1", "s\\1", "lone \ud800 surrogate", new TreeMap<>(Map.of("Tacos", 2)))),
                new LoggedEvent(5_000, 6, new ProposalEvent(proposal)),
                new LoggedEvent(6_000, 7, new RevealEvent("p-7", "c-1", "s\\1")),
                new LoggedEvent(7_000, 8, new PaymentEvent("p-7", "c-1", "s\\1", 1901)),
                new LoggedEvent(7_000, 9, new DeclineEvent("p-7", "c-1", "s2")),
                new LoggedEvent(7_001, 10, new RejectionEvent("c-1", "pay", "p-9", RejectionReason.WRONG_AMOUNT)),
                new LoggedEvent(7_002, 11, new WaitEvent("c-1", 9_000_000)),
                new LoggedEvent(9_000_000, 12, new WakeEvent("c-1")),
                new LoggedEvent(9_000_001, 13, new DoneEvent("c-1", "paid")),
                new LoggedEvent(
                        9_000_002,
                        14,
                        new AdAuctionEvent(
                                "c-1",
                                2,
                                "tacos",
                                "gsp",
                                2,
                                25,
                                List.of(
                                        new AdAuctionEvent.Bid("s\\1", 120, 0.86),
                                        new AdAuctionEvent.Bid("s2", 90, 1.0),
                                        new AdAuctionEvent.Bid("s3", 30, 1.0E-5)),
                                List.of(
                                        new AdAuctionEvent.Winner(1, "s\\1", 105),
                                        new AdAuctionEvent.Winner(2, "s2", 30)))),
                new LoggedEvent(9_000_002, 15, new AdAuctionEvent("c-2", 3, "", "vcg", 1, 0, List.of(), List.of())),
                new LoggedEvent(9_000_003, 16, new AdChargeEvent("s\\1", "c-1", 2, "impression", 105, 895L)),
                new LoggedEvent(9_000_004, 17, new AdChargeEvent("s2", "c-1", 2, "choice", 30, null)));
    }

    @Test
    void everyEventTypeReadsBackEqualAndRewritesToTheSameBytes() {
        assertReadBackEqualAndRewrittenTheSame(everyType());
    }

    /** Each event, written, parses back equal, and writing it again gives the same line. */
    static void assertReadBackEqualAndRewrittenTheSame(List<LoggedEvent> events) {
        for (LoggedEvent event : events) {
            String written = line(event);
            LoggedEvent read = EventReader.parse(written);
            assertThat(read).as(written).isEqualTo(event);
            assertThat(line(read)).isEqualTo(written);
        }
    }

    @Test
    void moneyIsExactCents() {
        LoggedEvent read = EventReader.parse(
                "{\"t\":1,\"seq\":2,\"type\":\"payment\",\"proposal\":\"p\",\"customer\":\"c\",\"service\":\"s\","
                        + "\"amount\":92233720368547758.07}");
        assertThat(((PaymentEvent) read.event()).amount()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> EventReader.parse(
                        "{\"t\":1,\"seq\":2,\"type\":\"payment\",\"proposal\":\"p\",\"customer\":\"c\",\"service\":\"s\","
                                + "\"amount\":0.105}"))
                .hasMessage("field 'amount': expected an amount in whole cents, got 0.105");
    }

    @Test
    void aFileReadsInOrder() throws IOException {
        Path log = dir.resolve("events.jsonl");
        StringBuilder text = new StringBuilder();
        for (LoggedEvent event : everyType()) {
            text.append(line(event)).append('\n');
        }
        Files.writeString(log, text, StandardCharsets.UTF_8);

        assertThat(EventReader.readAll(log)).isEqualTo(everyType());
    }

    @Test
    void aBadLineIsReportedWithItsNumber() throws IOException {
        String good = line(everyType().get(12));
        assertBad(
                good + "\n" + line(everyType().get(13)) + "\n{\"t\":1,\"seq\":2,\"type\":\"wake\"}\n",
                ":3: missing field 'agent'");
        assertBad(good + "\nnot json\n", ":2: not JSON: ");
        assertBad("{\"t\":1,\"seq\":2,\"type\":\"teleport\"}\n", ":1: unknown event type 'teleport'");
        assertBad("{\"t\":1.5,\"seq\":2,\"type\":\"wake\",\"agent\":\"a\"}\n", ":1: field 't': expected an integer");
        assertBad(
                "{\"t\":1,\"seq\":2,\"type\":\"wake\",\"agent\":\"a\",\"extra\":1}\n",
                ":1: unknown field 'extra' in a wake event");
        assertBad(
                "{\"t\":1,\"seq\":2,\"type\":\"rejected\",\"agent\":\"a\",\"action\":\"pay\",\"ref\":\"p\","
                        + "\"reason\":\"bored\"}\n",
                ":1: field 'reason': unknown rejection reason 'bored'");
        assertBad(good + "\n{\"t\":1}{}\n", ":2: not JSON");
    }

    @Test
    void anEmptyLogIsRefused() throws IOException {
        Path log = dir.resolve("empty.jsonl");
        Files.writeString(log, "");
        assertThatThrownBy(() -> EventReader.read(log, event -> {}))
                .isInstanceOf(EventReader.EventLogException.class)
                .hasMessage(log + ": empty: no events");
    }

    @Test
    void aLogThatContradictsItselfIsReportedWithTheLine() throws IOException {
        List<LoggedEvent> events = everyType();
        assertInconsistent(
                replace(events, 2, new LoggedEvent(-5, 2, events.get(2).event())), ":3: negative time t=-5");
        assertInconsistent(
                replace(events, 7, new LoggedEvent(4_000, 7, events.get(7).event())),
                ":8: out of time order: t=4000 after t=5000");
        assertInconsistent(
                replace(events, 3, new LoggedEvent(10, 2, events.get(3).event())),
                ":4: out of order: seq 2 after seq 2");
        assertInconsistent(
                replace(events, 1, new LoggedEvent(0, 1, events.get(0).event())),
                ":2: duplicate customer 'c-1' (first on line 1)");
        assertInconsistent(
                replace(events, 2, new LoggedEvent(0, 2, events.get(1).event())),
                ":3: duplicate service 's\\1' (first on line 2)");
        assertInconsistent(
                replace(events, 7, new LoggedEvent(6_000, 7, events.get(6).event())),
                ":8: duplicate proposal 'p-7' (first on line 7)");
        assertInconsistent(
                replace(events, 7, new LoggedEvent(6_000, 7, new RevealEvent("p-0", "c-1", "s\\1"))),
                ":8: reveal of unknown proposal 'p-0'");
        assertInconsistent(
                replace(events, 8, new LoggedEvent(7_000, 8, new PaymentEvent("p-0", "c-1", "s\\1", 1901))),
                ":9: payment of unknown proposal 'p-0'");
        assertInconsistent(
                replace(events, 9, new LoggedEvent(7_000, 9, new DeclineEvent("p-0", "c-1", "s2"))),
                ":10: decline of unknown proposal 'p-0'");
        // a payment before its proposal is as unknown as one without
        List<LoggedEvent> early = new java.util.ArrayList<>(events.subList(0, 6));
        early.add(new LoggedEvent(5_000, 6, events.get(8).event()));
        assertInconsistent(early, ":7: payment of unknown proposal 'p-7'");
    }

    private static List<LoggedEvent> replace(List<LoggedEvent> events, int index, LoggedEvent event) {
        List<LoggedEvent> changed = new java.util.ArrayList<>(events);
        changed.set(index, event);
        return changed;
    }

    private void assertInconsistent(List<LoggedEvent> events, String expected) throws IOException {
        StringBuilder text = new StringBuilder();
        events.forEach(event -> text.append(line(event)).append('\n'));
        Path log = dir.resolve("inconsistent.jsonl");
        Files.writeString(log, text, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EventReader.read(log, event -> {}))
                .isInstanceOf(EventReader.EventLogException.class)
                .hasMessage(log + expected);
    }

    private void assertBad(String content, String expected) throws IOException {
        Path log = dir.resolve("bad.jsonl");
        Files.writeString(log, content, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EventReader.read(log, event -> {}))
                .isInstanceOf(EventReader.EventLogException.class)
                .hasMessageStartingWith(log + expected.substring(0, expected.indexOf(':', 1) + 1))
                .hasMessageContaining(expected);
    }
}

package org.mercato.sim.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The strategy-auction events read back into equal records and write the same bytes. */
class StrategyAuctionEventReaderTest {
    private static final List<Event> EVENTS = List.of(
            new TaskEvent("c1-t1", "c1", 0.4375, "carefully plan a \"route\""),
            new BidEvent(
                    "c1-t1",
                    "small",
                    "small",
                    1,
                    0.15,
                    120,
                    2.0131,
                    List.of(4.25, 5.0, 0.0),
                    0.09,
                    11.45,
                    -11.36,
                    List.of()),
            new BidEvent(
                    "c1-t1",
                    "small",
                    "small",
                    2,
                    1e-7,
                    1,
                    0.1 + 0.2,
                    List.of(3.0),
                    1.0E-9,
                    3,
                    2.999999,
                    List.of("c0-t9", "c2-t1")),
            new AuctionEvent("c1-t1", "large", "small", "small", -11.36, 1, 17),
            new ExecutionEvent("c1-t1", "small", "small", true, 18.0),
            new ExecutionEvent("c1-t2", "large", "large", false, 612.5));

    @Test
    void saleEventsRoundTripByteForByte() {
        long seq = 40;
        for (Event event : EVENTS) {
            StringBuilder line = new StringBuilder();
            LoggedEvent logged = new LoggedEvent(3_000_000, seq++, event);
            logged.writeJson(line);
            LoggedEvent read = EventReader.parse(line.toString());
            assertThat(read).isEqualTo(logged);
            StringBuilder again = new StringBuilder();
            read.writeJson(again);
            assertThat(again.toString()).isEqualTo(line.toString());
        }
    }

    @Test
    void theBidLineHasTheDocumentedFields() {
        StringBuilder line = new StringBuilder();
        new LoggedEvent(1, 2, EVENTS.get(1)).writeJson(line);
        assertThat(line.toString())
                .isEqualTo(
                        "{\"t\":1,\"seq\":2,\"type\":\"bid\",\"task\":\"c1-t1\",\"bidder\":\"small\",\"class\":\"small\","
                                + "\"round\":1,\"price_per_token\":0.15,\"tokens\":120,\"entropy\":2.0131,\"jury\":[4.25,5,0],"
                                + "\"cost\":0.09,\"value\":11.45,\"score\":-11.36,\"memory\":[]}");
    }

    @Test
    void aBadSuccessFlagNamesTheField() {
        assertThatThrownBy(() -> EventReader.parse("{\"t\":1,\"seq\":2,\"type\":\"execution\",\"task\":\"a\","
                        + "\"bidder\":\"b\",\"class\":\"c\",\"success\":\"yes\",\"cost\":1}"))
                .hasMessageContaining("field 'success': expected true or false");
    }
}

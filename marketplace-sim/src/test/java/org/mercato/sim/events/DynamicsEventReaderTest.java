package org.mercato.sim.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DynamicsEventReaderTest {
    static List<LoggedEvent> dynamicsEvents() {
        return List.of(
                new LoggedEvent(0, 0, new QualityEvent("s-1", 0.4)),
                new LoggedEvent(0, 1, new PeriodEvent(0, 0, 86_400_000_000L)),
                new LoggedEvent(5, 2, new ArrivalEvent("c-1", 0)),
                new LoggedEvent(9, 3, new DeliveryEvent("p-1", "c-1", "s-1", 0.4)),
                new LoggedEvent(9, 4, new DeliveryEvent("p-2", "c-1", "s-2", 1.0)),
                new LoggedEvent(9, 5, new ReviewEvent("s-1", "c-1", "p-1", 2, false, false)),
                new LoggedEvent(10, 6, new ReviewEvent("s-1", "c-1", "p-1", 1, false, true)),
                new LoggedEvent(11, 7, new ReviewEvent("s-\"1", null, null, 5, true, false)),
                new LoggedEvent(11, 8, new ReviewEvent("s-1", null, null, 5, true, true)),
                new LoggedEvent(12, 9, new ReputationEvent("s-1", 4.3, 18)),
                new LoggedEvent(12, 10, new ReputationEvent("s-2", 5.0, 1)),
                new LoggedEvent(13, 11, new RestockEvent("s-1", 3)),
                new LoggedEvent(14, 12, new ArrivalEvent("c-1", 3)),
                new LoggedEvent(15, 13, new ReviewTextEvent("c-1", "s-1", "p-1", 2, "Cold \"pizza\",\nlate.")));
    }

    @Test
    void everyDynamicsEventReadsBackEqualAndRewritesToTheSameBytes() {
        EventReaderTest.assertReadBackEqualAndRewrittenTheSame(dynamicsEvents());
    }

    @Test
    void linesHaveTheDocumentedFieldsInOrder() {
        List<String> lines =
                dynamicsEvents().stream().map(EventReaderTest::line).toList();
        assertThat(lines.get(0))
                .isEqualTo("{\"t\":0,\"seq\":0,\"type\":\"quality\",\"service\":\"s-1\",\"quality\":0.4}");
        assertThat(lines.get(1))
                .isEqualTo("{\"t\":0,\"seq\":1,\"type\":\"period\",\"period\":0,\"start\":0,\"end\":86400000000}");
        assertThat(lines.get(2)).isEqualTo("{\"t\":5,\"seq\":2,\"type\":\"arrival\",\"customer\":\"c-1\",\"visit\":0}");
        assertThat(lines.get(4))
                .isEqualTo("{\"t\":9,\"seq\":4,\"type\":\"delivery\",\"proposal\":\"p-2\",\"customer\":\"c-1\","
                        + "\"service\":\"s-2\",\"quality\":1}");
        assertThat(lines.get(5))
                .isEqualTo("{\"t\":9,\"seq\":5,\"type\":\"review\",\"service\":\"s-1\",\"customer\":\"c-1\","
                        + "\"proposal\":\"p-1\",\"stars\":2}");
        assertThat(lines.get(8))
                .isEqualTo("{\"t\":11,\"seq\":8,\"type\":\"review\",\"service\":\"s-1\",\"stars\":5,\"fake\":true,"
                        + "\"filtered\":true}");
        assertThat(lines.get(10))
                .isEqualTo(
                        "{\"t\":12,\"seq\":10,\"type\":\"reputation\",\"service\":\"s-2\",\"rating\":5,\"reviews\":1}");
        assertThat(lines.get(11))
                .isEqualTo("{\"t\":13,\"seq\":11,\"type\":\"restock\",\"service\":\"s-1\",\"stock\":3}");
        assertThat(lines.get(13))
                .isEqualTo("{\"t\":15,\"seq\":13,\"type\":\"review_text\",\"customer\":\"c-1\",\"service\":\"s-1\","
                        + "\"proposal\":\"p-1\",\"stars\":2,\"text\":\"Cold \\\"pizza\\\",\\nlate.\"}");
    }

    @Test
    void deliveriesReviewsAndArrivalsMustNameWhatTheLogHasSeen() throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("dyn-log");
        try {
            String customer = "{\"t\":0,\"seq\":0,\"type\":\"customer\",\"id\":\"c-1\",\"items\":{\"x\":1},"
                    + "\"reference_prices\":{\"x\":1.00},\"amenities\":[],\"budget\":1.00,\"time_cost_per_hour\":0.00}\n";
            for (LoggedEvent orphan : List.of(
                    new LoggedEvent(9, 3, new DeliveryEvent("p-1", "c-1", "s-1", 0.4)),
                    new LoggedEvent(9, 3, new ReviewEvent("s-1", "c-1", "p-1", 2, false, false)),
                    new LoggedEvent(9, 3, new ArrivalEvent("c-2", 0)))) {
                java.nio.file.Path log = dir.resolve("events.jsonl");
                java.nio.file.Files.writeString(log, customer + EventReaderTest.line(orphan) + "\n");
                assertThatThrownBy(() -> EventReader.readAll(log))
                        .isInstanceOf(EventReader.EventLogException.class)
                        .hasMessageContaining(":2: ")
                        .hasMessageContaining("unknown");
            }
            java.nio.file.Path fine = dir.resolve("fine.jsonl");
            java.nio.file.Files.writeString(
                    fine,
                    customer + EventReaderTest.line(new LoggedEvent(1, 1, new ArrivalEvent("c-1", 0))) + "\n"
                            + EventReaderTest.line(
                                    new LoggedEvent(2, 2, new ReviewEvent("s", null, null, 5, true, false)))
                            + "\n");
            assertThat(EventReader.readAll(fine)).hasSize(3);
        } finally {
            try (var files = java.nio.file.Files.list(dir)) {
                for (java.nio.file.Path file : files.toList()) {
                    java.nio.file.Files.delete(file);
                }
            }
            java.nio.file.Files.delete(dir);
        }
    }

    @Test
    void aWrittenFalseFlagIsRefused() {
        assertThatThrownBy(() -> EventReader.parse(
                        "{\"t\":1,\"seq\":2,\"type\":\"review\",\"service\":\"s\",\"stars\":5,\"fake\":false}"))
                .hasMessage("field 'fake': expected true (or no field), got false");
    }
}

package org.mercato.metrics.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each line's time is the number after its first {@code "t":}, whatever text (and bytes) follows. */
class EventTimesTest {
    @Test
    void readsTheFirstTimeOfEveryLine(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("events.jsonl");
        StringBuilder text = new StringBuilder();
        text.append("{\"t\":0,\"seq\":0,\"type\":\"customer\",\"name\":\"Zoë — café 😀\"}\n");
        text.append(
                "{\"t\":1234567,\"seq\":1,\"type\":\"message\",\"text\":\"say \\\"t\\\":9 \\\"tt\\\":\",\"x\":{\"t\":5}}\n");
        text.append("{\"seq\":2,\"t\":42,\"type\":\"wait\"}\n");
        for (int i = 0; i < 70_000; i++) { // more than one read buffer
            text.append("{\"t\":")
                    .append(5_000_000L + i)
                    .append(",\"seq\":")
                    .append(3 + i)
                    .append("}\n");
        }
        Files.writeString(log, text, StandardCharsets.UTF_8);

        long[] times = EventTimes.read(log);

        assertThat(times).hasSize(70_003);
        assertThat(times[0]).isZero();
        assertThat(times[1]).isEqualTo(1_234_567L);
        assertThat(times[2]).isEqualTo(42L);
        assertThat(times[70_002]).isEqualTo(5_069_999L);
    }
}

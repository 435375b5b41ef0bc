package org.mercato.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
    @ParameterizedTest
    @CsvSource({
        "250us, 250",
        "20ms, 20000",
        "1.5s, 1500000",
        "2m, 120000000",
        "1h, 3600000000",
        "0s, 0",
        "0us, 0",
        "' 3 ms ', 3000",
        "1.25ms, 1250",
        "0.0005ms, 1", // half a microsecond rounds up
        "0.0004ms, 0",
        "2.5us, 3",
        "10.000s, 10000000",
        "48h, 172800000000",
        "30d, 2592000000000",
        "1.5d, 129600000000"
    })
    void parsesEveryUnit(String text, long micros) {
        assertThat(Durations.parseMicros(text)).isEqualTo(micros);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", " ", "5", "ms", "-1s", "+1s", "1.s", ".5s", "1 sec", "1MS", "1 day", "1s2", "1,5s", "1e3ms"})
    void rejectsMalformedText(String text) {
        assertThatThrownBy(() -> Durations.parseMicros(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> Durations.parseMicros(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsDurationsTooLongForALong() {
        assertThatThrownBy(() -> Durations.parseMicros("99999999999999999h"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"0, 0s", "1000000, 1s", "90000000, 90s", "1500000, 1500ms", "20000, 20ms", "250, 250us", "1001, 1001us"
    })
    void formatsWithTheLargestExactUnit(long micros, String text) {
        assertThat(Durations.format(micros)).isEqualTo(text);
    }

    @Test
    void formatThenParseIsTheIdentity() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 2_000; i++) {
            long micros = switch (i % 3) {
                case 0 -> random.nextLong(0, 1_000_000_000_000L);
                case 1 -> random.nextLong(0, 1_000_000) * 1_000;
                default -> random.nextLong(0, 100_000) * 1_000_000;
            };
            assertThat(Durations.parseMicros(Durations.format(micros))).isEqualTo(micros);
        }
    }
}

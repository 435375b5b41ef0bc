package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.mercato.sim.kernel.Durations;

/**
 * A virtual duration written like {@code 250us}, {@code 20ms}, {@code 1.5s}, {@code 2m}, {@code 1h}
 * or {@code 30d} (days, for markets that live over time).
 */
public record Duration(long micros) {
    public Duration {
        if (micros < 0) {
            throw new IllegalArgumentException("a duration must be >= 0");
        }
    }

    private static final long DAY = 86_400_000_000L;

    @JsonCreator
    public static Duration parse(String text) {
        return new Duration(Durations.parseMicros(text));
    }

    /** The duration in microseconds, or {@code orElse} when absent. */
    public static long micros(Duration duration, long orElse) {
        return duration == null ? orElse : duration.micros();
    }

    /** As written in a scenario: whole days as {@code 30d}, anything else as {@link Durations#format}. */
    @JsonValue
    public String text() {
        return micros > 0 && micros % DAY == 0 ? micros / DAY + "d" : Durations.format(micros);
    }
}

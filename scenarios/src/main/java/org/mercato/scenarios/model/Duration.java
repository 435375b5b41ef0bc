package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.mercato.sim.kernel.Durations;

/** A virtual duration written like {@code 250us}, {@code 20ms}, {@code 1.5s}, {@code 2m} or {@code 1h}. */
public record Duration(long micros) {
    public Duration {
        if (micros < 0) {
            throw new IllegalArgumentException("a duration must be >= 0");
        }
    }

    @JsonCreator
    public static Duration parse(String text) {
        return new Duration(Durations.parseMicros(text));
    }

    @JsonValue
    public String text() {
        return Durations.format(micros);
    }
}

package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * When customers first arrive, exactly one of: {@code rate} arrivals {@code per} a duration (1d
 * unless given), a Poisson process; {@code hourly}, 24 rates (arrivals per hour) for the hours of
 * each day, a Poisson process whose rate follows the time of day; {@code trace}, a CSV file whose
 * i-th time is the i-th customer's arrival (a relative path is resolved against the scenario file's
 * folder).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"rate", "per", "hourly", "trace"})
public record ArrivalsConfig(Double rate, Duration per, List<Double> hourly, String trace) {
    public static final int HOURS = 24;

    public ArrivalsConfig {
        int given = (rate != null ? 1 : 0) + (hourly != null ? 1 : 0) + (trace != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException(
                    "give exactly one of {rate, per}, {hourly: [24 rates]} or {trace: file.csv}");
        }
        if (per != null && rate == null) {
            throw new IllegalArgumentException("per goes with rate");
        }
        if (rate != null && !(rate > 0 && Double.isFinite(rate))) {
            throw new IllegalArgumentException(
                    "rate must be > 0 arrivals per " + (per == null ? "1d" : per.text()) + ", was " + rate);
        }
        if (per != null && per.micros() <= 0) {
            throw new IllegalArgumentException("per must be > 0");
        }
        if (hourly != null) {
            hourly = List.copyOf(hourly);
            if (hourly.size() != HOURS) {
                throw new IllegalArgumentException(
                        "hourly needs 24 rates (arrivals per hour, from 00:00), got " + hourly.size());
            }
            for (int h = 0; h < HOURS; h++) {
                double r = hourly.get(h);
                if (!(r >= 0 && Double.isFinite(r))) {
                    throw new IllegalArgumentException("hourly rates must be >= 0, hour " + h + " was " + r);
                }
            }
            if (hourly.stream().allMatch(r -> r == 0)) {
                throw new IllegalArgumentException("hourly rates are all 0: nobody would arrive");
            }
        }
        if (trace != null && trace.isBlank()) {
            throw new IllegalArgumentException("trace must name a CSV file");
        }
    }

    /** The Poisson rate per microsecond ({@code rate} only). */
    public double ratePerMicro() {
        return rate / Duration.micros(per, 86_400_000_000L);
    }

    /** The same arrivals reading their trace from {@code file}. */
    public ArrivalsConfig withTrace(String file) {
        return new ArrivalsConfig(rate, per, hourly, file);
    }
}

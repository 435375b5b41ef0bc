package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What services deliver against what they list, a true quality in [0, 1] (1: as listed): {@code
 * default} for every service, {@code services} per service id, {@code overPromisers} a seeded share
 * of the services that deliver less, and {@code changes} at given times. Later entries win: the
 * default, then over-promisers, then {@code services}, then {@code changes} from their time on.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"default", "services", "overPromisers", "changes"})
public record QualityConfig(
        @JsonProperty("default") Double standard,
        Map<String, Double> services,
        OverPromisersConfig overPromisers,
        List<Change> changes) {

    /**
     * A share of the services, each chosen with probability {@code share} from its own stream, that
     * deliver {@code quality} from time {@code from} (0 unless given).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"share", "quality", "from"})
    public record OverPromisersConfig(Double share, Double quality, Duration from) {
        public OverPromisersConfig {
            if (share == null || !(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("share must be within [0, 1], was " + share);
            }
            if (quality == null) {
                throw new IllegalArgumentException("quality is required: what an over-promiser delivers, in [0, 1]");
            }
            checkQuality("quality", quality);
        }

        public long fromMicros() {
            return Duration.micros(from, 0);
        }
    }

    /** From time {@code at} on, service {@code service} delivers {@code quality}. */
    @JsonPropertyOrder({"service", "at", "quality"})
    public record Change(String service, Duration at, Double quality) {
        public Change {
            if (service == null || service.isBlank()) {
                throw new IllegalArgumentException("service is required: the id of the service whose quality changes");
            }
            if (at == null) {
                throw new IllegalArgumentException("at is required: when the quality changes, such as 10d");
            }
            if (quality == null) {
                throw new IllegalArgumentException("quality is required, in [0, 1]");
            }
            checkQuality("quality", quality);
        }
    }

    public QualityConfig {
        standard = Objects.requireNonNullElse(standard, 1.0);
        checkQuality("default", standard);
        services = services == null ? Map.of() : new TreeMap<>(services);
        services.forEach((id, q) -> checkQuality("quality.services." + id, q));
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    static void checkQuality(String key, Double quality) {
        if (quality == null || !(quality >= 0 && quality <= 1)) {
            throw new IllegalArgumentException(key + " must be within [0, 1], was " + quality);
        }
    }
}

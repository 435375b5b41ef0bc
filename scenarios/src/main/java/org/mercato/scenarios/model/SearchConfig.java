package org.mercato.scenarios.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.file.Path;
import java.util.Objects;
import org.mercato.sim.market.search.SearchMechanisms;
import org.mercato.sim.market.search.SemanticSettings;

/**
 * The search mechanism (one of {@link SearchMechanisms#NAMES}), results per page, pages reachable,
 * and whether prices show. {@code cacheSize} (rankings kept, 0 for no cache) is a tuning knob that
 * never changes results; it stays out of the resolved scenario unless given, as do {@code semantic}
 * and {@code hybrid} (see {@link SemanticConfig}, {@link HybridConfig}), which only the mechanisms of
 * those names use and every mechanism accepts, so that a sweep can vary the mechanism alone.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"mechanism", "pageSize", "pageLimit", "revealPrices", "cacheSize", "semantic", "hybrid"})
public record SearchConfig(
        String mechanism,
        Integer pageSize,
        Integer pageLimit,
        Boolean revealPrices,
        Integer cacheSize,
        SemanticConfig semantic,
        HybridConfig hybrid) {
    public static final SearchConfig DEFAULT = new SearchConfig(null, null, null, null);

    public SearchConfig {
        mechanism = Objects.requireNonNullElse(mechanism, SearchMechanisms.SIMPLE);
        if (!SearchMechanisms.NAMES.contains(mechanism)) {
            throw new IllegalArgumentException("mechanism expected one of " + String.join(", ", SearchMechanisms.NAMES)
                    + ", got '" + mechanism + "'");
        }
        pageSize = Objects.requireNonNullElse(pageSize, 10);
        pageLimit = Objects.requireNonNullElse(pageLimit, 10);
        revealPrices = Objects.requireNonNullElse(revealPrices, true);
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be >= 1, was " + pageSize);
        }
        if (pageLimit < 1) {
            throw new IllegalArgumentException("pageLimit must be >= 1, was " + pageLimit);
        }
        if (cacheSize != null && cacheSize < 0) {
            throw new IllegalArgumentException("cacheSize must be >= 0 (0: no cache), was " + cacheSize);
        }
    }

    public SearchConfig(String mechanism, Integer pageSize, Integer pageLimit, Boolean revealPrices) {
        this(mechanism, pageSize, pageLimit, revealPrices, null);
    }

    public SearchConfig(
            String mechanism, Integer pageSize, Integer pageLimit, Boolean revealPrices, Integer cacheSize) {
        this(mechanism, pageSize, pageLimit, revealPrices, cacheSize, null, null);
    }

    /**
     * The settings of the semantic mechanisms, each key left out at its {@link
     * SemanticSettings#DEFAULTS default}; the disk cache folder resolved against the working directory.
     */
    public SemanticSettings semanticSettings() {
        SemanticConfig s = semantic != null ? semantic : SemanticConfig.DEFAULT;
        SemanticSettings d = SemanticSettings.DEFAULTS;
        return new SemanticSettings(
                Objects.requireNonNullElse(s.candidates(), d.candidates()),
                Objects.requireNonNullElse(s.exactUpTo(), d.exactUpTo()),
                hybrid != null && hybrid.rrfK() != null ? hybrid.rrfK() : d.rrfK(),
                Objects.requireNonNullElse(s.memoryCache(), d.memoryCache()),
                s.diskCache() == null
                        ? d.diskCache()
                        : Path.of(s.diskCache()).toAbsolutePath().normalize(),
                Objects.requireNonNullElse(s.threads(), d.threads()));
    }

    public int cacheSizeOrDefault() {
        return cacheSize != null ? cacheSize : SearchMechanisms.DEFAULT_CACHE_SIZE;
    }
}

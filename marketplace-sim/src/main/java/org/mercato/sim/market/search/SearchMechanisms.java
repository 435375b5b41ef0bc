package org.mercato.sim.market.search;

import java.util.List;
import org.mercato.sim.domain.Service;

/** The built-in search mechanisms by name, each behind a {@link CachedSearch}. */
public final class SearchMechanisms {
    public static final String SIMPLE = "simple";
    public static final String LEXICAL = "lexical";
    public static final String FILTERED = "filtered";
    public static final String ORACLE = "oracle";
    public static final String RANDOM = "random";

    /** Every known name, in the order the documentation lists them. */
    public static final List<String> NAMES = List.of(SIMPLE, LEXICAL, FILTERED, ORACLE, RANDOM);

    /** Rankings kept per run unless a scenario says otherwise. */
    public static final int DEFAULT_CACHE_SIZE = 4096;

    private SearchMechanisms() {}

    /**
     * A new mechanism for one market (it holds that market's index, random stream and cache, so it
     * must not be shared between runs). {@code seed} is the run's master seed; {@code cacheSize} 0
     * turns the cache off.
     */
    public static CachedSearch create(
            String name, List<Service> services, long seed, MarketVersion version, int cacheSize) {
        return switch (name) {
            case SIMPLE ->
                new CachedSearch(
                        name, new SimpleSearch(services), (search, searcher) -> search.filters(), version, cacheSize);
            case LEXICAL -> {
                LexicalSearch lexical = new LexicalSearch(services);
                yield new CachedSearch(
                        name, lexical, (search, searcher) -> lexical.terms(search.query()), version, cacheSize);
            }
            case FILTERED -> {
                FilteredSearch filtered = new FilteredSearch(services);
                yield new CachedSearch(name, filtered, (search, searcher) -> filtered.key(search), version, cacheSize);
            }
            case ORACLE ->
                new CachedSearch(
                        name,
                        new OracleSearch(services),
                        (search, searcher) -> OracleSearch.Needs.of(searcher),
                        version,
                        cacheSize);
            case RANDOM ->
                new CachedSearch(
                        name, new RandomSearch(services, seed), (search, searcher) -> null, version, cacheSize);
            default ->
                throw new IllegalArgumentException(
                        "unknown search mechanism '" + name + "'; known: " + String.join(", ", NAMES));
        };
    }
}

package org.mercato.sim.market.search;

import java.util.List;
import org.mercato.sim.domain.Service;
import org.mercato.sim.registry.Registry;

/** The built-in search mechanisms by name, each behind a {@link CachedSearch}. */
public final class SearchMechanisms {
    /** The mechanism of a scenario that names none. */
    public static final String SIMPLE = "simple";

    /** A mechanism for one market's listings and master seed, with what its rankings depend on. */
    private record Keyed(SearchMechanism mechanism, CachedSearch.KeyFunction keys) {}

    @FunctionalInterface
    private interface Factory {
        Keyed create(List<Service> services, long seed);
    }

    private record Entry(String name, Factory factory) {}

    private static final Registry<Entry> REGISTRY = Registry.of(
            "search mechanism",
            Entry::name,
            List.of(
                    new Entry(
                            SIMPLE,
                            (services, seed) ->
                                    new Keyed(new SimpleSearch(services), (search, searcher) -> search.filters())),
                    new Entry("lexical", (services, seed) -> {
                        LexicalSearch lexical = new LexicalSearch(services);
                        return new Keyed(lexical, (search, searcher) -> lexical.terms(search.query()));
                    }),
                    new Entry("filtered", (services, seed) -> {
                        FilteredSearch filtered = new FilteredSearch(services);
                        return new Keyed(filtered, (search, searcher) -> filtered.key(search));
                    }),
                    new Entry(
                            "oracle",
                            (services, seed) -> new Keyed(
                                    new OracleSearch(services), (search, searcher) -> OracleSearch.Needs.of(searcher))),
                    new Entry(
                            "random",
                            (services, seed) ->
                                    new Keyed(new RandomSearch(services, seed), (search, searcher) -> null))));

    /** Every known name, in the order the documentation lists them. */
    public static final List<String> NAMES = REGISTRY.names();

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
        Keyed keyed = REGISTRY.get(name).factory().create(services, seed);
        return new CachedSearch(name, keyed.mechanism(), keyed.keys(), version, cacheSize);
    }
}

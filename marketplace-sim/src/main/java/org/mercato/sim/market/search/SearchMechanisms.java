package org.mercato.sim.market.search;

import java.util.List;
import java.util.function.Supplier;
import org.mercato.sim.domain.Service;
import org.mercato.sim.registry.Registry;

/** The built-in search mechanisms by name, each behind a {@link CachedSearch}. */
public final class SearchMechanisms {
    /** The mechanism of a scenario that names none. */
    public static final String SIMPLE = "simple";

    /** A mechanism for one market's listings and master seed, with what its rankings depend on. */
    private record Keyed(SearchMechanism mechanism, CachedSearch.KeyFunction keys) {}

    /** What a factory may use: the market's listings, the master seed and the semantic settings. */
    private record Market(
            List<Service> services, long seed, SemanticSettings semantic, Supplier<TextEmbedder> embedder) {}

    @FunctionalInterface
    private interface Factory {
        Keyed create(Market market);
    }

    private record Entry(String name, Factory factory) {}

    private static final Registry<Entry> REGISTRY = Registry.of(
            "search mechanism",
            Entry::name,
            List.of(
                    new Entry(
                            SIMPLE,
                            market -> new Keyed(
                                    new SimpleSearch(market.services()), (search, searcher) -> search.filters())),
                    new Entry("lexical", market -> {
                        LexicalSearch lexical = new LexicalSearch(market.services());
                        return new Keyed(lexical, (search, searcher) -> lexical.terms(search.query()));
                    }),
                    new Entry("filtered", market -> {
                        FilteredSearch filtered = new FilteredSearch(market.services());
                        return new Keyed(filtered, (search, searcher) -> filtered.key(search));
                    }),
                    new Entry("semantic", market -> {
                        SemanticSearch semantic = new SemanticSearch(
                                market.services(),
                                market.semantic(),
                                market.embedder().get());
                        return new Keyed(semantic, (search, searcher) -> semantic.key(search));
                    }),
                    new Entry("hybrid", market -> {
                        HybridSearch hybrid = new HybridSearch(
                                market.services(),
                                market.semantic(),
                                market.embedder().get());
                        return new Keyed(hybrid, (search, searcher) -> hybrid.key(search));
                    }),
                    new Entry(
                            "oracle",
                            market -> new Keyed(
                                    new OracleSearch(market.services()),
                                    (search, searcher) -> OracleSearch.Needs.of(searcher))),
                    new Entry(
                            "random",
                            market -> new Keyed(
                                    new RandomSearch(market.services(), market.seed()), (search, searcher) -> null))));

    /** Every known name, in the order the documentation lists them. */
    public static final List<String> NAMES = REGISTRY.names();

    /** Rankings kept per run unless a scenario says otherwise. */
    public static final int DEFAULT_CACHE_SIZE = 4096;

    private SearchMechanisms() {}

    /**
     * A new mechanism for one market (it holds that market's index, random stream and cache, so it
     * must not be shared between runs). {@code seed} is the run's master seed; {@code cacheSize} 0
     * turns the cache off. The semantic mechanisms need an embedder: use the other overload.
     */
    public static CachedSearch create(
            String name, List<Service> services, long seed, MarketVersion version, int cacheSize) {
        return create(name, services, seed, version, cacheSize, SemanticSettings.DEFAULTS, () -> {
            throw new IllegalArgumentException("search mechanism '" + name + "' needs an embedder");
        });
    }

    /**
     * As {@link #create(String, List, long, MarketVersion, int)}, with the settings and the model of
     * the semantic mechanisms; {@code embedder} is called only when {@code name} is {@code semantic}
     * or {@code hybrid}, so the model loads only when it is used.
     */
    public static CachedSearch create(
            String name,
            List<Service> services,
            long seed,
            MarketVersion version,
            int cacheSize,
            SemanticSettings semantic,
            Supplier<TextEmbedder> embedder) {
        Keyed keyed = REGISTRY.get(name).factory().create(new Market(services, seed, semantic, embedder));
        return new CachedSearch(name, keyed.mechanism(), keyed.keys(), version, cacheSize);
    }
}

package org.mercato.sim.market.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.protocol.SearchFilters;

/**
 * The cache changes speed, never results: for any sequence of searches, every mechanism gives the
 * same rankings with a large cache, a tiny one (constant eviction) and none.
 */
class CachedSearchProperties {
    private static final List<String> DISHES =
            List.of("Fish Tacos", "Birria Tacos", "Flan", "Churros", "Tortilla Soup", "Café de Olla");
    private static final List<String> AMENITIES = List.of("parking", "wifi");
    private static final List<String> QUERIES =
            List.of("fish tacos", "Tacos!", "flan and churros", "", "soup", "cafe", "pizza", "\"tacos\" OR flan");

    record Request(Search search, Customer customer) {}

    static List<Service> market() {
        List<Service> services = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            TreeMap<String, Long> menu = new TreeMap<>();
            for (int d = 0; d < DISHES.size(); d++) {
                if ((i + d) % 3 != 0) {
                    menu.put(DISHES.get(d), 300L + 97L * ((i * 7 + d * 5) % 11));
                }
            }
            Set<String> amenities = i % 3 == 0 ? Set.of("parking") : i % 3 == 1 ? Set.of("parking", "wifi") : Set.of();
            services.add(new Service(
                    "s" + i,
                    "Kitchen " + i,
                    i % 2 == 0 ? "Tacos and more" : "Soups and sweets",
                    menu,
                    new TreeSet<>(amenities),
                    1 + (i % 5),
                    10));
        }
        return services;
    }

    @Provide
    Arbitrary<List<Request>> requests() {
        Arbitrary<SearchFilters> filters = Combinators.combine(
                        Arbitraries.subsetOf(AMENITIES), Arbitraries.of(0.0, 2.0, 4.0), Arbitraries.of(0L, 500L, 900L))
                .as((amenities, rating, cap) -> new SearchFilters(new TreeSet<>(amenities), rating, cap));
        Arbitrary<Customer> customers = Combinators.combine(
                        Arbitraries.subsetOf(DISHES).ofMinSize(1).ofMaxSize(2),
                        Arbitraries.subsetOf(AMENITIES).ofMaxSize(1))
                .as((items, amenities) -> {
                    Map<String, Integer> wanted = new TreeMap<>();
                    items.forEach(item -> wanted.put(item, 1));
                    return Listings.customer("c", wanted, amenities);
                });
        Arbitrary<Request> request = Combinators.combine(
                        Arbitraries.of(QUERIES), filters, Arbitraries.integers().between(0, 2), customers)
                .as((query, filter, page, customer) -> new Request(new Search(query, filter, page), customer));
        return request.list().ofMinSize(1).ofMaxSize(60);
    }

    private static List<List<Service>> run(String mechanism, int cacheSize, List<Request> requests) {
        CachedSearch search = WordHashEmbedder.create(mechanism, market(), 11, new MarketVersion(), cacheSize);
        List<List<Service>> rankings = new ArrayList<>();
        for (Request request : requests) {
            rankings.add(List.copyOf(search.rank(request.search(), request.customer())));
        }
        assertThat(search.stats().requests()).isEqualTo(requests.size());
        return rankings;
    }

    @Property(tries = 60, edgeCases = EdgeCasesMode.MIXIN)
    void cacheSizeNeverChangesARanking(@ForAll("requests") List<Request> requests) {
        for (String mechanism : SearchMechanisms.NAMES) {
            List<List<Service>> uncached = run(mechanism, 0, requests);
            assertThat(run(mechanism, 1, requests)).as(mechanism + " size 1").isEqualTo(uncached);
            assertThat(run(mechanism, 2, requests)).as(mechanism + " size 2").isEqualTo(uncached);
            assertThat(run(mechanism, 10_000, requests))
                    .as(mechanism + " size 10000")
                    .isEqualTo(uncached);
        }
    }

    /**
     * A preview (the rolling kernel's guess of a search's results) equals the ranking the search
     * then gets and touches nothing: interleaving previews leaves every ranking and the counts as
     * they were (random included: its draws come from the searcher's own stream).
     */
    @Property(tries = 30, edgeCases = EdgeCasesMode.MIXIN)
    void previewsPredictRankingsAndChangeNothing(@ForAll("requests") List<Request> requests) {
        for (String mechanism : SearchMechanisms.NAMES) {
            List<List<Service>> plain = run(mechanism, 2, requests);
            CachedSearch search = WordHashEmbedder.create(mechanism, market(), 11, new MarketVersion(), 2);
            for (int i = 0; i < requests.size(); i++) {
                Request request = requests.get(i);
                List<Service> preview = search.preview(request.search(), request.customer());
                List<Service> ranked = search.rank(request.search(), request.customer());
                assertThat(ranked).as(mechanism).isEqualTo(plain.get(i));
                assertThat(preview).as(mechanism).isEqualTo(ranked);
            }
            CachedSearch unpreviewed = WordHashEmbedder.create(mechanism, market(), 11, new MarketVersion(), 2);
            requests.forEach(r -> unpreviewed.rank(r.search(), r.customer()));
            assertThat(withoutCost(search.stats())).as(mechanism).isEqualTo(withoutCost(unpreviewed.stats()));
        }
    }

    /** The stats without the embedding cost, which depends on what the process cached before. */
    private static SearchStats withoutCost(SearchStats stats) {
        EmbeddingStats embedding = stats.embedding();
        return embedding == null
                ? stats
                : new SearchStats(
                        stats.mechanism(),
                        stats.cacheSize(),
                        stats.requests(),
                        stats.hits(),
                        new EmbeddingStats(
                                embedding.model(),
                                embedding.dimensions(),
                                embedding.services(),
                                embedding.queries(),
                                null));
    }

    @Property(tries = 30, edgeCases = EdgeCasesMode.MIXIN)
    void randomIsNeverCachedAndMatchesTheBareMechanism(@ForAll("requests") List<Request> requests) {
        CachedSearch cached = WordHashEmbedder.create("random", market(), 11, new MarketVersion(), 10_000);
        RandomSearch bare = new RandomSearch(market(), 11);
        for (Request request : requests) {
            assertThat(cached.rank(request.search(), request.customer()))
                    .isEqualTo(bare.rank(request.search(), request.customer()));
        }
        assertThat(cached.stats().hits()).isZero();
    }

    /** The rolling kernel previews a search before it runs it: the ranking is computed once. */
    @Example
    void aRankingPreviewedFirstIsNotComputedAgain() {
        AtomicInteger computed = new AtomicInteger();
        List<Service> services = market();
        SearchMechanism counting = new SearchMechanism() {
            @Override
            public List<Service> rank(Search search, Customer searcher) {
                computed.incrementAndGet();
                return services;
            }

            @Override
            public List<Service> preview(Search search, Customer searcher) {
                return rank(search, searcher);
            }
        };
        CachedSearch search =
                new CachedSearch("counting", counting, (query, searcher) -> query.query(), new MarketVersion(), 16);
        Search tacos = new Search("tacos", null, 0);
        Customer customer = Listings.customer("c", Map.of("Flan", 1), Set.of());

        assertThat(search.preview(tacos, customer)).isEqualTo(services);
        assertThat(search.rank(tacos, customer)).isEqualTo(services);

        assertThat(computed).hasValue(1);
        // counted as the miss it would be without the preview, so the run summary does not change
        assertThat(search.stats().requests()).isEqualTo(1);
        assertThat(search.stats().hits()).isZero();
    }

    @Example
    void repeatedQueriesHitAndEveryPageSharesOneEntry() {
        CachedSearch lexical = WordHashEmbedder.create("lexical", market(), 1, new MarketVersion(), 100);
        lexical.rank(new Search("fish tacos"), null);
        lexical.rank(new Search("fish tacos", SearchFilters.NONE, 1), null);
        lexical.rank(new Search("Tacos, fish!"), null); // the same terms
        lexical.rank(new Search("flan"), null);
        SearchStats stats = lexical.stats();
        assertThat(stats.requests()).isEqualTo(4);
        assertThat(stats.hits()).isEqualTo(2);
        assertThat(stats.hitRate()).isEqualTo(0.5);
        assertThat(stats.mechanism()).isEqualTo("lexical");
    }

    @Example
    void theOracleIsKeyedByTheCustomersNeeds() {
        CachedSearch oracle = WordHashEmbedder.create("oracle", market(), 1, new MarketVersion(), 100);
        Customer tacos = Listings.customer("a", Map.of("Fish Tacos", 1), Set.of());
        Customer sameNeeds = Listings.customer("b", Map.of("Fish Tacos", 1), Set.of());
        Customer parking = Listings.customer("c", Map.of("Fish Tacos", 1), Set.of("parking"));
        List<Service> first = oracle.rank(new Search("x"), tacos);
        assertThat(oracle.rank(new Search("y"), sameNeeds)).isEqualTo(first);
        assertThat(oracle.rank(new Search("x"), parking)).isNotEqualTo(first);
        assertThat(oracle.stats().hits()).isEqualTo(1);
    }

    @Example
    void aNewMarketVersionIsAMiss() {
        MarketVersion version = new MarketVersion();
        CachedSearch simple = WordHashEmbedder.create("simple", market(), 1, version, 100);
        simple.rank(new Search("a"), null);
        simple.rank(new Search("b"), null);
        assertThat(simple.stats().hits()).isEqualTo(1);
        version.bump();
        simple.rank(new Search("a"), null);
        assertThat(simple.stats().hits()).isEqualTo(1);
        simple.rank(new Search("a"), null);
        assertThat(simple.stats().hits()).isEqualTo(2);
    }

    @Example
    void aDisabledCacheCountsRequestsButNeverHits() {
        CachedSearch simple = WordHashEmbedder.create("simple", market(), 1, new MarketVersion(), 0);
        simple.rank(new Search("a"), null);
        simple.rank(new Search("a"), null);
        assertThat(simple.stats()).isEqualTo(new SearchStats("simple", 0, 2, 0));
    }
}

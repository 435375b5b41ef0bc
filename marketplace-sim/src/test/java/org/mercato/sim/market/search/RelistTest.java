package org.mercato.sim.market.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.protocol.SearchFilters;

/** Every built-in mechanism re-lists: it ranks the changed listings and returns their current values. */
class RelistTest {
    private static final List<Service> SERVICES = List.of(
            Listings.service("a", Map.of("tacos", 900L), Set.of(), 4.5),
            Listings.service("b", Map.of("tacos", 800L, "fish tacos", 1200L), Set.of(), 4.0),
            Listings.service("c", Map.of("pizza", 1000L), Set.of(), 3.0));
    private static final Customer SHOPPER = Listings.customer("x", Map.of("tacos", 1), Set.of());

    /** The same services with a's rating down to 2.0 and 11 reviews. */
    private static List<Service> afterReviews() {
        List<Service> changed = new ArrayList<>(SERVICES);
        Service a = SERVICES.get(0);
        changed.set(0, Service.of(a.id(), a.menu(), a.amenities(), 2.0, 11));
        return changed;
    }

    private static Service byId(List<Service> ranked, String id) {
        return ranked.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everyMechanismRanksTheCurrentValues() {
        Search tacos = new Search("tacos", SearchFilters.NONE, 0);
        for (String name : SearchMechanisms.NAMES) {
            CachedSearch search = WordHashEmbedder.create(name, SERVICES, 3, new MarketVersion(), 0);
            SearchMechanism inner = search.inner().relist(afterReviews());
            assertThat(inner).as(name).isNotNull();
            List<Service> ranked = inner.rank(tacos, SHOPPER);
            assertThat(byId(ranked, "a").rating()).as(name).isEqualTo(2.0);
            assertThat(byId(ranked, "a").reviewCount()).as(name).isEqualTo(11);
        }
    }

    @Test
    void simpleSearchReordersByTheNewRatings() {
        SimpleSearch simple = new SimpleSearch(SERVICES);
        Search all = new Search("", SearchFilters.NONE, 0);
        assertThat(Listings.ids(simple.rank(all, SHOPPER))).containsExactly("a", "b", "c");
        assertThat(Listings.ids(simple.relist(afterReviews()).rank(all, SHOPPER)))
                .containsExactly("b", "c", "a");
    }

    @Test
    void lexicalSearchKeepsItsIndexAndOrder() {
        LexicalSearch lexical = new LexicalSearch(SERVICES);
        Search tacos = new Search("fish tacos", SearchFilters.NONE, 0);
        LexicalSearch relisted = lexical.relist(afterReviews());
        assertThat(Listings.ids(relisted.rank(tacos, SHOPPER))).isEqualTo(Listings.ids(lexical.rank(tacos, SHOPPER)));
        assertThat(relisted.rank(new Search("", SearchFilters.NONE, 0), SHOPPER))
                .extracting(Service::rating)
                .containsExactly(2.0, 4.0, 3.0);
    }

    @Test
    void filtersSeeTheNewRatings() {
        FilteredSearch filtered = new FilteredSearch(SERVICES);
        Search good = new Search("tacos", new SearchFilters(new java.util.TreeSet<>(), 4), 0);
        assertThat(Listings.ids(filtered.rank(good, SHOPPER))).containsExactlyInAnyOrder("a", "b");
        assertThat(Listings.ids(filtered.relist(afterReviews()).rank(good, SHOPPER)))
                .containsExactly("b");
    }

    @Test
    void randomSearchKeepsEachCustomersSearchCount() {
        RandomSearch random = new RandomSearch(SERVICES, 5);
        RandomSearch twin = new RandomSearch(SERVICES, 5);
        Search all = new Search("", SearchFilters.NONE, 0);
        random.rank(all, SHOPPER);
        twin.rank(all, SHOPPER);
        List<String> second = Listings.ids(twin.rank(all, SHOPPER));
        assertThat(Listings.ids(random.relist(afterReviews()).rank(all, SHOPPER)))
                .isEqualTo(second);
    }

    @Test
    void aCachedSearchReListsInPlaceAndBumpsTheVersion() {
        MarketVersion version = new MarketVersion();
        CachedSearch cached = WordHashEmbedder.create("simple", SERVICES, 3, version, 16);
        Search all = new Search("", SearchFilters.NONE, 0);
        assertThat(Listings.ids(cached.rank(all, SHOPPER))).containsExactly("a", "b", "c");
        assertThat(cached.relist(afterReviews())).isSameAs(cached);
        assertThat(version.current()).isEqualTo(1);
        assertThat(Listings.ids(cached.rank(all, SHOPPER))).containsExactly("b", "c", "a");
        assertThat(Listings.ids(cached.preview(all, SHOPPER))).containsExactly("b", "c", "a");
        assertThat(cached.stats().hits()).isZero();
    }

    @Test
    void aMechanismWithoutReListingSaysSoAndTheCacheStaysAsItWas() {
        MarketVersion version = new MarketVersion();
        CachedSearch cached = new CachedSearch("fixed", (search, searcher) -> SERVICES, (s, c) -> "k", version, 4);
        assertThat(cached.relist(afterReviews())).isNull();
        assertThat(version.current()).isZero();
    }
}

package org.mercato.sim.market.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mercato.sim.market.search.Listings.ids;
import static org.mercato.sim.market.search.Listings.service;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mercato.sim.domain.Service;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.protocol.SearchFilters;

class FilteredSearchTest {
    private static final List<Service> MARKET = List.of(
            // cheap tacos, expensive flan, no amenities, top rating
            service("a", Map.of("Fish Tacos", 800L, "Flan", 2500L), Set.of(), 4.8),
            // expensive tacos, cheap flan, parking, good rating
            service("b", Map.of("Fish Tacos", 1500L, "Flan", 400L), Set.of("parking"), 4.2),
            // cheap tacos, parking and wifi, poor rating
            service("c", Map.of("Fish Tacos", 700L), Set.of("parking", "wifi"), 2.5),
            // no tacos at all, cheap churros
            service("d", Map.of("Churros", 300L), Set.of("parking"), 4.9));

    private final FilteredSearch filtered = new FilteredSearch(MARKET);
    private final LexicalSearch lexical = new LexicalSearch(MARKET);

    private static Search search(String query, Set<String> amenities, double minRating, long maxPrice) {
        return new Search(query, new SearchFilters(new TreeSet<>(amenities), minRating, maxPrice), 0);
    }

    private List<String> rank(Search search) {
        return ids(filtered.rank(search, null));
    }

    @Test
    void withoutFiltersItRanksLikeLexical() {
        Search tacos = new Search("fish tacos");
        assertThat(rank(tacos)).isEqualTo(ids(lexical.rank(tacos, null))).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void requiredAmenitiesKeepOnlyServicesThatHaveAllOfThem() {
        assertThat(rank(search("fish tacos", Set.of("parking"), 0, 0))).containsExactlyInAnyOrder("b", "c");
        assertThat(rank(search("fish tacos", Set.of("parking", "wifi"), 0, 0))).containsExactly("c");
        assertThat(rank(search("fish tacos", Set.of("valet"), 0, 0))).isEmpty();
    }

    @Test
    void minimumRatingDropsLowerRatedServices() {
        assertThat(rank(search("fish tacos", Set.of(), 4.2, 0))).containsExactlyInAnyOrder("a", "b");
        assertThat(rank(search("fish tacos", Set.of(), 4.5, 0))).containsExactly("a");
    }

    @Test
    void thePriceCapLooksAtTheItemsTheQueryIsAbout() {
        // tacos under 10.00: a (8.00) and c (7.00), not b (15.00) although b's flan is cheap
        assertThat(rank(search("fish tacos", Set.of(), 0, 1000))).containsExactlyInAnyOrder("a", "c");
        // flan under 10.00: only b
        assertThat(rank(search("flan", Set.of(), 0, 1000))).containsExactly("b");
        // a blank query is about no item: any item under the cap will do
        assertThat(rank(search("", Set.of(), 0, 500))).containsExactly("b", "d");
    }

    @Test
    void filtersCombineAndKeepTheLexicalOrder() {
        Search query = search("fish tacos", Set.of("parking"), 2.0, 1000);
        assertThat(rank(query)).containsExactly("c");
        List<String> unfiltered = ids(lexical.rank(new Search("fish tacos"), null));
        List<String> kept = rank(search("fish tacos", Set.of(), 0, 1000));
        assertThat(unfiltered).containsSubsequence(kept);
    }

    @Test
    void lexicalAloneIgnoresFilters() {
        assertThat(ids(lexical.rank(search("fish tacos", Set.of("wifi"), 4.5, 100), null)))
                .containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void simpleSearchAppliesTheSameFiltersByTheWholeMenu() {
        SimpleSearch simple = new SimpleSearch(MARKET);
        assertThat(ids(simple.rank(search("ignored", Set.of("parking"), 0, 0), null)))
                .containsExactly("d", "b", "c");
        assertThat(ids(simple.rank(search("ignored", Set.of(), 4.0, 0), null))).containsExactly("d", "a", "b");
        // the cheapest item decides: a's cheapest is 8.00, b's 4.00, c's 7.00, d's 3.00
        assertThat(ids(simple.rank(search("ignored", Set.of(), 0, 750), null))).containsExactly("d", "b", "c");
    }

    @Test
    void aNegativePriceCapIsRefusedAndTheOldConstructorHasNoCap() {
        assertThatThrownBy(() -> new SearchFilters(new TreeSet<>(), 0, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxPrice");
        SearchFilters legacy = new SearchFilters(new TreeSet<>(Set.of("parking")), 3.0);
        assertThat(legacy.maxPrice()).isEqualTo(SearchFilters.NO_PRICE_CAP);
        assertThat(legacy.hasPriceCap()).isFalse();
        assertThat(SearchFilters.NONE.isEmpty()).isTrue();
    }
}

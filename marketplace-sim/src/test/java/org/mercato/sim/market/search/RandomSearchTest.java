package org.mercato.sim.market.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mercato.sim.market.search.Listings.ids;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.protocol.SearchFilters;

class RandomSearchTest {
    private static final List<Service> MARKET = market(30);

    private static List<Service> market(int size) {
        List<Service> services = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            services.add(Service.of(
                    String.format("s%02d", i),
                    Map.of("taco", 100L + i),
                    i % 2 == 0 ? Set.of("parking") : Set.of(),
                    3,
                    1));
        }
        return services;
    }

    private static List<List<String>> draws(long seed, int searches) {
        RandomSearch random = new RandomSearch(MARKET, seed);
        List<List<String>> draws = new ArrayList<>();
        for (int i = 0; i < searches; i++) {
            draws.add(ids(random.rank(new Search("tacos"), null)));
        }
        return draws;
    }

    @Test
    void everySearchGetsAPermutationOfTheMarket() {
        List<String> all = ids(MARKET);
        for (List<String> draw : draws(1, 20)) {
            assertThat(draw).containsExactlyInAnyOrderElementsOf(all);
        }
    }

    @Test
    void searchesInOneRunGetDifferentOrders() {
        List<List<String>> draws = draws(1, 20);
        assertThat(Set.copyOf(draws)).hasSizeGreaterThan(15);
        assertThat(draws.get(0)).isNotEqualTo(ids(MARKET));
    }

    @Test
    void theSameSeedRepeatsTheSameSequenceAndAnotherSeedDoesNot() {
        assertThat(draws(7, 10)).isEqualTo(draws(7, 10));
        assertThat(draws(8, 10)).isNotEqualTo(draws(7, 10));
    }

    @Test
    void aCustomersSearchesDoNotDependOnOtherCustomersSearches() {
        Customer ana = Listings.customer("ana", Map.of("taco", 1), Set.of());
        Customer bo = Listings.customer("bo", Map.of("taco", 1), Set.of());
        RandomSearch alone = new RandomSearch(MARKET, 5);
        RandomSearch shared = new RandomSearch(MARKET, 5);
        Search tacos = new Search("tacos");
        shared.rank(tacos, bo);
        List<String> next = ids(shared.preview(tacos, ana));
        assertThat(ids(shared.rank(tacos, ana))).isEqualTo(next).isEqualTo(ids(alone.rank(tacos, ana)));
        shared.rank(tacos, bo);
        assertThat(ids(shared.rank(tacos, ana))).isEqualTo(ids(alone.rank(tacos, ana)));
        assertThat(ids(alone.rank(tacos, bo))).isNotEqualTo(ids(alone.rank(tacos, ana)));
    }

    @Test
    void filtersApplyBeforeShuffling() {
        RandomSearch random = new RandomSearch(MARKET, 3);
        Search parking = new Search("", new SearchFilters(new TreeSet<>(Set.of("parking")), 0, 105), 0);
        // parking: even numbers; cheapest item at most 1.05: s00..s05
        assertThat(ids(random.rank(parking, null))).containsExactlyInAnyOrder("s00", "s02", "s04");
    }
}

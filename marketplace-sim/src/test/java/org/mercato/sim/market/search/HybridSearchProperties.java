package org.mercato.sim.market.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.mercato.sim.domain.Service;
import org.mercato.sim.protocol.Search;

class HybridSearchProperties {
    private static Service service(int id) {
        return Service.of(String.format("s%02d", id), Map.of("item", 100L), Set.of(), 4.0, 1);
    }

    @Provide
    Arbitrary<List<Integer>> rankings() {
        return Arbitraries.integers()
                .between(0, 30)
                .list()
                .uniqueElements()
                .ofMinSize(1)
                .ofMaxSize(20);
    }

    private static List<Service> services(List<Integer> ids) {
        return ids.stream().map(HybridSearchProperties::service).toList();
    }

    /** A service first in both rankings is first; none of either ranking is dropped; ties by id. */
    @Property(tries = 300)
    void aServiceFirstInBothIsFirstAndNothingIsDropped(
            @ForAll("rankings") List<Integer> lexical,
            @ForAll("rankings") List<Integer> semantic,
            @ForAll @IntRange(min = 1, max = 100) int rrfK) {
        List<Integer> second = new ArrayList<>(semantic);
        second.remove(lexical.get(0));
        second.add(0, lexical.get(0));
        List<Service> fused = HybridSearch.fuse(services(lexical), services(second), rrfK);
        assertThat(fused.get(0).id()).isEqualTo(service(lexical.get(0)).id());
        Set<String> union = new TreeSet<>(Listings.ids(services(lexical)));
        union.addAll(Listings.ids(services(second)));
        assertThat(Listings.ids(fused)).hasSameSizeAs(union).containsExactlyInAnyOrderElementsOf(union);
    }

    @Test
    void equalFusedScoresGoById() {
        // s02 is first lexically and second semantically, s01 the other way round
        List<Service> fused = HybridSearch.fuse(services(List.of(2, 1)), services(List.of(1, 2)), 60);
        assertThat(Listings.ids(fused)).containsExactly("s01", "s02");
    }

    @Test
    void hybridFindsWhatEitherRankingFinds() {
        List<Service> market = List.of(
                new Service("a", "Taco Stand", "", new TreeMap<>(Map.of("tacos", 900L)), new TreeSet<>(), 4, 1),
                new Service("b", "Pizza Place", "", new TreeMap<>(Map.of("pizza", 900L)), new TreeSet<>(), 4, 1),
                new Service("c", "Bike Shop", "", new TreeMap<>(Map.of("tube", 900L)), new TreeSet<>(), 4, 1));
        SemanticSettings two = new SemanticSettings(2, 10_000, 60, false, null, 1);
        HybridSearch hybrid = new HybridSearch(market, two, new WordHashEmbedder());
        var shopper = Listings.customer("x", Map.of("tacos", 1), Set.of());
        assertThat(Listings.ids(hybrid.rank(new Search("tacos"), shopper))).startsWith("a");
        assertThat(Listings.ids(hybrid.rank(new Search(""), shopper))).containsExactly("a", "b", "c");
    }
}

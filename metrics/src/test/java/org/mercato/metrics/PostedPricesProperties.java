package org.mercato.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mercato.sim.domain.Service;

/** The cheapest feasible seller, found by visiting one item's sellers cheapest first, is what a full scan finds. */
class PostedPricesProperties {
    private static final List<String> ITEMS = List.of("pizza", "soda", "salad", "cake");
    private static final List<String> AMENITIES = List.of("delivery", "vegan");

    record Case(List<Service> sellers, SortedMap<String, Integer> items, SortedSet<String> amenities) {}

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Service> seller = Combinators.combine(
                        Arbitraries.maps(
                                        Arbitraries.of(ITEMS),
                                        Arbitraries.longs().between(0, 40))
                                .ofMinSize(1)
                                .ofMaxSize(4),
                        Arbitraries.subsetOf(AMENITIES))
                .as((menu, amenities) -> Service.of("tmp", menu, amenities, 4.0, 10));
        return Combinators.combine(
                        seller.list().ofMinSize(1).ofMaxSize(60),
                        Arbitraries.maps(
                                        Arbitraries.of(ITEMS),
                                        Arbitraries.integers().between(1, 3))
                                .ofMinSize(1)
                                .ofMaxSize(3),
                        Arbitraries.subsetOf(AMENITIES))
                .as((sellers, items, amenities) -> {
                    List<Service> named = new ArrayList<>();
                    for (int i = 0; i < sellers.size(); i++) {
                        Service s = sellers.get(i);
                        named.add(Service.of("s" + i, s.menu(), s.amenities(), 4.0, 10));
                    }
                    return new Case(named, new TreeMap<>(items), new TreeSet<>(amenities));
                });
    }

    @Property(tries = 300)
    void theCheapestFeasibleTotalIsTheFullScans(@ForAll("cases") Case c) {
        long expected = Long.MAX_VALUE;
        for (Service seller : c.sellers()) {
            if (!seller.menu().keySet().containsAll(c.items().keySet())
                    || !seller.amenities().containsAll(c.amenities())) {
                continue;
            }
            long total = 0;
            for (Map.Entry<String, Integer> line : c.items().entrySet()) {
                total += line.getValue() * seller.menu().get(line.getKey());
            }
            expected = Math.min(expected, total);
        }

        long cheapest = new PostedPrices(c.sellers()).cheapest(new PostedPrices.Need(c.items(), c.amenities()));

        assertThat(cheapest).isEqualTo(expected);
    }
}

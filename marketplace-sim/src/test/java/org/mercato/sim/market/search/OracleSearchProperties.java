package org.mercato.sim.market.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mercato.sim.market.search.Listings.ids;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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

/** The oracle returns exactly the services that can fulfil the customer, cheapest first, ties by id. */
class OracleSearchProperties {
    private static final List<String> ITEMS = List.of("taco", "flan", "soup", "tea", "cake", "rice");
    private static final List<String> AMENITIES = List.of("parking", "wifi", "music");

    record Market(List<Service> services, List<Customer> customers) {}

    @Provide
    Arbitrary<Market> markets() {
        Arbitrary<Map<String, Long>> menus = Arbitraries.maps(
                        Arbitraries.of(ITEMS), Arbitraries.longs().between(100, 400))
                .ofMinSize(1)
                .ofMaxSize(ITEMS.size());
        Arbitrary<Service> service = Combinators.combine(
                        Arbitraries.strings().withCharRange('a', 'z').ofLength(3),
                        menus,
                        Arbitraries.subsetOf(AMENITIES),
                        Arbitraries.doubles().between(1, 5).ofScale(1))
                .as((id, menu, amenities, rating) -> Service.of("s-" + id, menu, amenities, rating, 1));
        Arbitrary<Customer> customer = Combinators.combine(
                        Arbitraries.maps(
                                        Arbitraries.of(ITEMS),
                                        Arbitraries.integers().between(1, 3))
                                .ofMinSize(1)
                                .ofMaxSize(3),
                        Arbitraries.subsetOf(AMENITIES).ofMaxSize(2))
                .as((items, amenities) -> Listings.customer("c", items, amenities));
        return Combinators.combine(
                        service.list().ofMinSize(0).ofMaxSize(25).uniqueElements(Service::id),
                        customer.list().ofMinSize(1).ofMaxSize(8))
                .as(Market::new);
    }

    /** Brute force: try every service against the customer's needs, then sort by total, then id. */
    private static List<String> feasible(List<Service> services, Customer customer) {
        List<Service> ok = new ArrayList<>();
        for (Service service : services) {
            boolean all = service.amenities().containsAll(customer.requiredAmenities())
                    && service.menu().keySet().containsAll(customer.items().keySet());
            if (all) {
                ok.add(service);
            }
        }
        ok.sort((x, y) -> {
            int byTotal = Long.compare(total(x, customer), total(y, customer));
            return byTotal != 0 ? byTotal : x.id().compareTo(y.id());
        });
        return ids(ok);
    }

    private static long total(Service service, Customer customer) {
        long total = 0;
        for (var item : customer.items().entrySet()) {
            total += service.menu().get(item.getKey()) * item.getValue();
        }
        return total;
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void returnsExactlyTheFeasibleServicesCheapestFirst(@ForAll("markets") Market market) {
        OracleSearch oracle = new OracleSearch(market.services());
        for (Customer customer : market.customers()) {
            List<String> ranked = ids(oracle.rank(new Search("anything at all"), customer));
            assertThat(ranked).isEqualTo(feasible(market.services(), customer));
        }
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void ignoresTheQueryAndTheFilters(@ForAll("markets") Market market) {
        OracleSearch oracle = new OracleSearch(market.services());
        Customer customer = market.customers().get(0);
        Search filtered = new Search("nothing matches this", new SearchFilters(new TreeSet<>(AMENITIES), 5, 1), 3);
        assertThat(oracle.rank(filtered, customer)).isEqualTo(oracle.rank(new Search(""), customer));
    }

    @Example
    void equalTotalsBreakByIdAndQuantitiesCount() {
        List<Service> services = List.of(
                Service.of("z", Map.of("taco", 300L, "tea", 100L), Set.of(), 5, 1),
                Service.of("a", Map.of("taco", 300L, "tea", 100L), Set.of(), 1, 1),
                Service.of("m", Map.of("taco", 200L, "tea", 400L), Set.of(), 3, 1),
                Service.of("x", Map.of("taco", 100L), Set.of(), 3, 1));
        OracleSearch oracle = new OracleSearch(services);
        // 3 tacos and a tea: a and z 1000, m 1000 as well; x lacks tea
        Customer three = Listings.customer("c", new TreeMap<>(Map.of("taco", 3, "tea", 1)), Set.of());
        assertThat(ids(oracle.rank(new Search(""), three))).containsExactly("a", "m", "z");
        // 1 taco and 2 teas: a and z 500, m 1000
        Customer teas = Listings.customer("c", new TreeMap<>(Map.of("taco", 1, "tea", 2)), Set.of());
        assertThat(ids(oracle.rank(new Search(""), teas))).containsExactly("a", "z", "m");
    }
}

package org.mercato.metrics.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.mercato.metrics.WelfareFold;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.CustomerEvent;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.ServiceEvent;

/** Magentic's four baselines, by hand on small markets and as invariants on random ones. */
class MagenticBaselinesTest {
    private static Customer customer(
            String id, Map<String, Integer> items, Map<String, Long> values, String... amenities) {
        Customer draft = new Customer(
                id, id, "", new TreeMap<>(items), new TreeMap<>(values), new TreeSet<>(List.of(amenities)), 0);
        return draft.withBudget(draft.fulfilledValue());
    }

    private static Service service(String id, Map<String, Long> menu, String... amenities) {
        return Service.of(id, menu, Set.of(amenities), 4, 0);
    }

    /**
     * kim wants 2 Tea (worth 3.00 each) and a Scone (4.00) from a shop with Wifi: fulfilled value 2
     * x 10.00 = 20.00. All three shops sell both: wired for 7.00 (and has Wifi), plain for 7.50,
     * quiet for 7.00. lou wants Cake, which nobody sells. max wants Jam from a shop with Wifi; only
     * quiet sells Jam (1.00), and it has no Wifi.
     */
    private static Catalog cafes() {
        return new Catalog(
                List.of(
                        service("wired", Map.of("Tea", 200L, "Scone", 300L), "Wifi"),
                        service("plain", Map.of("Tea", 250L, "Scone", 250L)),
                        service("quiet", Map.of("Tea", 150L, "Scone", 400L, "Jam", 100L), "Parking")),
                List.of(
                        customer("kim", Map.of("Tea", 2, "Scone", 1), Map.of("Tea", 300L, "Scone", 400L), "Wifi"),
                        customer("lou", Map.of("Cake", 1), Map.of("Cake", 500L)),
                        customer("max", Map.of("Jam", 1), Map.of("Jam", 200L), "Wifi")));
    }

    @Test
    void handComputedOnASmallMarket() {
        MagenticBaselines.Result r = MagenticBaselines.compute(cafes(), 5, 400);

        assertThat(r.customers()).isEqualTo(3);
        assertThat(r.businesses()).isEqualTo(3);
        // kim: wired 20.00 - (4.00 + 3.00) = 13.00, plain -(5.00 + 2.50) = -7.50, quiet -(3.00 + 4.00) = -7.00
        // lou: no shop sells Cake; max: only quiet sells Jam (1.00) and it lacks Wifi: -1.00
        assertThat(r.perCustomer())
                .extracting(
                        MagenticBaselines.CustomerBaseline::id,
                        MagenticBaselines.CustomerBaseline::carriers,
                        MagenticBaselines.CustomerBaseline::feasible,
                        MagenticBaselines.CustomerBaseline::cheapestTied)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("kim", 3, 1, 2),
                        org.assertj.core.groups.Tuple.tuple("lou", 0, 0, 0),
                        org.assertj.core.groups.Tuple.tuple("max", 1, 0, 1));
        assertThat(r.perCustomer().get(0).optimal()).isEqualByComparingTo("13.00");
        // wired and quiet tie at 7.00: the mean of 13.00 and -7.00
        assertThat(r.perCustomer().get(0).cheapest()).isEqualByComparingTo("3.00");
        assertThat(r.perCustomer().get(1).optimal()).isEqualByComparingTo("0");
        assertThat(r.perCustomer().get(1).cheapest()).isEqualByComparingTo("0");
        assertThat(r.perCustomer().get(2).optimal()).isEqualByComparingTo("0");
        assertThat(r.perCustomer().get(2).cheapest()).isEqualByComparingTo("-1.00");

        assertThat(r.unserved()).isEqualTo(1);
        assertThat(r.withoutFeasible()).isEqualTo(1);
        assertThat(r.cheapestTied()).isEqualTo(1);
        assertThat(r.optimal()).isEqualByComparingTo("13.00");
        assertThat(r.cheapest()).isEqualByComparingTo("2.00");
        // random-feasible: kim always wired, lou and max buy nothing
        assertThat(r.randomFeasible().sums()).hasSize(400).containsOnly(1300L);
        assertThat(r.randomFeasible().median()).isEqualByComparingTo("13.00");
        assertThat(r.randomFeasible().ciLower()).isEqualByComparingTo("13.00");
        assertThat(r.randomFeasible().ciUpper()).isEqualByComparingTo("13.00");
        // random-any: kim one of 13.00, -7.50, -7.00; max -1.00
        assertThat(r.randomAny().sums())
                .hasSize(400)
                .containsOnly(1200L, -850L, -800L)
                .contains(1200L, -850L, -800L);
        assertThat(r.randomAny().min()).isEqualByComparingTo("-8.50");
        assertThat(r.randomAny().max()).isEqualByComparingTo("12.00");
    }

    @Test
    void theCheapestMeanIsExactUntilTheMarketSum() {
        // three shops tie at 1.00 for each of three customers; utilities 1.00 (has Wifi), -1.00, -1.00:
        // each customer's mean is -1/3 of a unit; the market's is exactly -1.00
        List<Service> shops = List.of(
                service("a", Map.of("Tea", 100L), "Wifi"),
                service("b", Map.of("Tea", 100L)),
                service("c", Map.of("Tea", 100L)));
        List<Customer> customers = List.of(
                customer("x", Map.of("Tea", 1), Map.of("Tea", 100L), "Wifi"),
                customer("y", Map.of("Tea", 1), Map.of("Tea", 100L), "Wifi"),
                customer("z", Map.of("Tea", 1), Map.of("Tea", 100L), "Wifi"));

        MagenticBaselines.Result r = MagenticBaselines.compute(new Catalog(shops, customers), 1, 10);

        assertThat(r.perCustomer().get(0).cheapest()).isEqualByComparingTo("-0.33");
        assertThat(r.cheapest()).isEqualByComparingTo("-1.00");
        assertThat(r.cheapestTied()).isEqualTo(3);
    }

    @Test
    void theSameSeedGivesTheSameDrawsAndAnotherSeedOthers() {
        MagenticBaselines.Result a = MagenticBaselines.compute(cafes(), 11, 200);
        MagenticBaselines.Result b = MagenticBaselines.compute(cafes(), 11, 200);
        MagenticBaselines.Result c = MagenticBaselines.compute(cafes(), 12, 200);

        assertThat(a).isEqualTo(b);
        assertThat(c.randomAny().sums()).isNotEqualTo(a.randomAny().sums());
    }

    @Test
    void oneDrawAndNoDraws() {
        MagenticBaselines.Result one = MagenticBaselines.compute(cafes(), 3, 1);
        assertThat(one.randomAny().sums()).hasSize(1);
        assertThat(one.randomAny().median())
                .isEqualTo(one.randomAny().ciLower())
                .isEqualTo(one.randomAny().ciUpper());

        assertThatThrownBy(() -> MagenticBaselines.compute(cafes(), 3, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("draws must be >= 1, was 0");
        assertThatThrownBy(() -> MagenticBaselines.compute(cafes(), 3, 10, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resamples must be >= 1, was 0");
    }

    @Test
    void boundedIntegersAreUniform() {
        SplittableRandom random = new SplittableRandom(4);
        int[] seen = new int[7];
        for (int i = 0; i < 70_000; i++) {
            seen[MagenticBaselines.below(random, 7)]++;
        }
        assertThat(java.util.Arrays.stream(seen).boxed())
                .allSatisfy(count -> assertThat(count).isBetween(9_500, 10_500));
        assertThat(MagenticBaselines.below(random, 1)).isZero();
        for (int i = 0; i < 1_000; i++) {
            assertThat(MagenticBaselines.below(random, Integer.MAX_VALUE)).isNotNegative();
        }
    }

    @Test
    void nearestRankPercentiles() {
        assertThat(MagenticBaselines.lowerRank(10_000)).isEqualTo(249);
        assertThat(MagenticBaselines.upperRank(10_000)).isEqualTo(9_749);
        assertThat(MagenticBaselines.lowerRank(1)).isZero();
        assertThat(MagenticBaselines.upperRank(1)).isZero();
        assertThat(MagenticBaselines.lowerRank(40)).isZero();
        assertThat(MagenticBaselines.upperRank(40)).isEqualTo(38);
    }

    @Test
    void theMedianOfCountsIsTheMedianOfTheExpandedSample() {
        SplittableRandom random = new SplittableRandom(9);
        for (int round = 0; round < 500; round++) {
            int n = 1 + random.nextInt(12);
            long[] sorted = new long[n];
            for (int i = 0; i < n; i++) {
                sorted[i] = random.nextLong(-50, 50);
            }
            Arrays.sort(sorted);
            int[] counts = new int[n];
            for (int k = 0; k < n; k++) {
                counts[random.nextInt(n)]++;
            }
            List<Long> expanded = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < counts[i]; c++) {
                    expanded.add(sorted[i]);
                }
            }
            long expected = expanded.get((n - 1) / 2) + expanded.get(n / 2);

            assertThat(MagenticBaselines.twiceMedian(sorted, counts)).isEqualTo(expected);
        }
    }

    @Property(tries = 150)
    void invariantsHoldOnAnyMarket(@ForAll("catalogs") Catalog catalog, @ForAll long seed) {
        MagenticBaselines.Result r = MagenticBaselines.compute(catalog, seed, 60);

        assertThat(r.optimal()).isGreaterThanOrEqualTo(r.cheapest());
        long optimalCents = r.optimal().movePointRight(2).longValueExact();
        assertThat(optimalCents).isEqualTo(welfareFoldOptimum(catalog));
        long anyFloor = catalog.customers().stream()
                .mapToLong(c -> floor(c, catalog.services(), false))
                .sum();
        long feasibleFloor = catalog.customers().stream()
                .mapToLong(c -> floor(c, catalog.services(), true))
                .sum();
        for (MagenticBaselines.Draws d : List.of(r.randomAny(), r.randomFeasible())) {
            assertThat(d.sums()).hasSize(60).allSatisfy(sum -> assertThat(sum).isLessThanOrEqualTo(optimalCents));
            assertThat(d.ciLower()).isLessThanOrEqualTo(d.median());
            assertThat(d.median()).isLessThanOrEqualTo(d.ciUpper());
            assertThat(d.min()).isLessThanOrEqualTo(d.ciLower());
            assertThat(d.ciUpper()).isLessThanOrEqualTo(d.max());
        }
        assertThat(r.randomAny().sums()).allSatisfy(sum -> assertThat(sum).isGreaterThanOrEqualTo(anyFloor));
        assertThat(r.randomFeasible().sums()).allSatisfy(sum -> assertThat(sum).isGreaterThanOrEqualTo(feasibleFloor));
        assertThat(r.perCustomer().stream()
                        .map(MagenticBaselines.CustomerBaseline::optimal)
                        .reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(r.optimal());
    }

    /** The least a customer can get from a random pick: the worst carrier (feasible ones only if asked), else 0. */
    private static long floor(Customer c, List<Service> services, boolean feasibleOnly) {
        long worst = Long.MAX_VALUE;
        for (Service s : services) {
            if (!s.menu().keySet().containsAll(c.items().keySet())) {
                continue;
            }
            boolean feasible = s.hasAmenities(c.requiredAmenities());
            if (feasibleOnly && !feasible) {
                continue;
            }
            long total = 0;
            for (var e : c.items().entrySet()) {
                total += s.menu().get(e.getKey()) * e.getValue();
            }
            worst = Math.min(worst, (feasible ? c.fulfilledValue() : 0) - total);
        }
        return worst == Long.MAX_VALUE ? 0 : worst;
    }

    private static long welfareFoldOptimum(Catalog catalog) {
        WelfareFold fold = new WelfareFold();
        long seq = 0;
        for (Customer c : catalog.customers()) {
            fold.accept(new LoggedEvent(0, seq++, new CustomerEvent(c)));
        }
        for (Service s : catalog.services()) {
            fold.accept(new LoggedEvent(0, seq++, new ServiceEvent(s)));
        }
        return fold.optimalWelfare();
    }

    private static final List<String> ITEMS = List.of("Tea", "Scone", "Jam", "Cake");
    private static final List<String> AMENITIES = List.of("Wifi", "Parking", "Patio");

    @Provide
    Arbitrary<Catalog> catalogs() {
        Arbitrary<Map<String, Long>> menus = Arbitraries.maps(
                        Arbitraries.of(ITEMS), Arbitraries.longs().between(0, 900))
                .ofMinSize(1)
                .ofMaxSize(4);
        Arbitrary<Set<String>> amenities = Arbitraries.of(AMENITIES).set().ofMaxSize(3);
        Arbitrary<List<Service>> services = Combinators.combine(menus, amenities)
                .as((menu, has) -> new Object[] {menu, has})
                .list()
                .ofMinSize(1)
                .ofMaxSize(6)
                .map(list -> {
                    List<Service> out = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) {
                        @SuppressWarnings("unchecked")
                        Map<String, Long> menu = (Map<String, Long>) list.get(i)[0];
                        @SuppressWarnings("unchecked")
                        Set<String> has = (Set<String>) list.get(i)[1];
                        out.add(Service.of("s" + i, menu, has, 3, 0));
                    }
                    return out;
                });
        Arbitrary<Map<String, Integer>> wants = Arbitraries.maps(
                        Arbitraries.of(ITEMS), Arbitraries.integers().between(1, 3))
                .ofMinSize(1)
                .ofMaxSize(3);
        Arbitrary<List<Object[]>> shoppers = Combinators.combine(
                        wants,
                        Arbitraries.longs().between(0, 600),
                        Arbitraries.of(AMENITIES).set().ofMaxSize(2))
                .as((w, value, needs) -> new Object[] {w, value, needs})
                .list()
                .ofMinSize(1)
                .ofMaxSize(6);
        return Combinators.combine(services, shoppers).as((s, list) -> {
            List<Customer> customers = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                @SuppressWarnings("unchecked")
                Map<String, Integer> w = (Map<String, Integer>) list.get(i)[0];
                long value = (Long) list.get(i)[1];
                @SuppressWarnings("unchecked")
                Set<String> needs = (Set<String>) list.get(i)[2];
                Map<String, Long> values = new TreeMap<>();
                int k = 0;
                for (String item : w.keySet()) {
                    values.put(item, value + 37L * k++);
                }
                customers.add(customer("c" + i, w, values, needs.toArray(String[]::new)));
            }
            return new Catalog(s, customers);
        });
    }
}

package org.mercato.scenarios.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;

class GeneratorsTest {
    @ParameterizedTest
    @ValueSource(strings = {"restaurants", "contractors", "retail"})
    void theSameSeedGivesTheSameMarketAndAnotherSeedAnother(String domain) {
        Catalog first = Generators.forDomain(domain, 7).generate(50, 40, 2);
        assertThat(Generators.forDomain(domain, 7).generate(50, 40, 2)).isEqualTo(first);
        assertThat(Generators.forDomain(domain, 8).generate(50, 40, 2)).isNotEqualTo(first);
        assertThat(first.customers()).hasSize(50);
        assertThat(first.services()).hasSize(40);
    }

    @ParameterizedTest
    @ValueSource(strings = {"restaurants", "contractors", "retail"})
    void moreCustomersLeaveTheServicesAndTheFirstCustomersAsTheyWere(String domain) {
        Catalog small = Generators.forDomain(domain, 3).generate(20, 40, 2);
        Catalog large = Generators.forDomain(domain, 3).generate(2_000, 40, 2);
        assertThat(large.services()).isEqualTo(small.services());
        assertThat(large.customers().get(0).items())
                .isEqualTo(small.customers().get(0).items());
    }

    @ParameterizedTest
    @ValueSource(strings = {"restaurants", "contractors", "retail"})
    void everyMarketIsSaneAndMostCustomersCanBeServed(String domain) {
        Catalog market = Generators.forDomain(domain, 11).generate(400, 80, 2);
        for (Service service : market.services()) {
            assertThat(service.menu()).isNotEmpty();
            assertThat(service.rating()).isBetween(1.0, 5.0);
            service.menu()
                    .forEach((item, price) -> assertThat(service.unitCost(item)).isLessThan(price));
        }
        long servable = market.customers().stream()
                .filter(c -> market.services().stream()
                        .anyMatch(s -> s.menu().keySet().containsAll(c.items().keySet())
                                && s.hasAmenities(c.requiredAmenities())))
                .count();
        assertThat(servable).isGreaterThan(market.customers().size() / 2);
        for (Customer customer : market.customers()) {
            assertThat(customer.budget()).isEqualTo(customer.fulfilledValue());
            assertThat(customer.persona()).isNotBlank();
        }
    }

    @Test
    void retailHasCategoriesOfAtLeastEightCompetingProductsWithRealisticSpreads() {
        Catalog market = Generators.forDomain("retail", 5).generate(100, 160, 1);
        Map<String, List<Service>> byCategory = market.services().stream()
                .collect(Collectors.groupingBy(s -> s.menu().firstKey(), TreeMap::new, Collectors.toList()));
        assertThat(byCategory).hasSize(20);
        byCategory.values().forEach(listings -> assertThat(listings).hasSizeGreaterThanOrEqualTo(8));

        List<Service> staplers = byCategory.get("Stapler");
        double[] logPrices = staplers.stream()
                .mapToDouble(s -> Math.log(s.menu().get(s.menu().firstKey())))
                .toArray();
        assertThat(max(logPrices) - min(logPrices)).as("log price range").isGreaterThan(0.3);
        int[] reviews =
                market.services().stream().mapToInt(Service::reviewCount).toArray();
        assertThat(java.util.Arrays.stream(reviews).max().getAsInt())
                .isGreaterThan(
                        20 * Math.max(1, java.util.Arrays.stream(reviews).min().getAsInt()));
        double meanRating = market.services().stream()
                .mapToDouble(Service::rating)
                .average()
                .orElseThrow();
        assertThat(meanRating).isBetween(3.8, 4.4);
    }

    @Test
    void unknownDomainsAreRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> Generators.forDomain("bakeries", 1))
                .hasMessageContaining("bakeries")
                .hasMessageContaining("contractors");
    }

    private static double max(double[] values) {
        return java.util.Arrays.stream(values).max().orElseThrow();
    }

    private static double min(double[] values) {
        return java.util.Arrays.stream(values).min().orElseThrow();
    }
}

package org.mercato.scenarios.magentic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mercato.metrics.baselines.MagenticBaselines;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;

/**
 * The importer and the baselines on every dataset folder of Magentic Marketplace's {@code data/}
 * (found under {@code shared/anchors}, see {@link MagenticData}; skipped when it is not at hand).
 * The files are read a second time with a plain YAML reader to check what the importer made of
 * them, and the baselines are checked against what must hold whatever the draws.
 */
class MagenticDatasetsTest {
    private static final ObjectMapper PLAIN_YAML = new YAMLMapper();
    /** Fewer bootstrap resamples than the command's 10,000 keep 39 folders quick; the invariants hold for any number. */
    private static final int RESAMPLES = 1_000;

    @TestFactory
    Stream<DynamicTest> everyDatasetFolder() {
        Optional<Path> root = MagenticData.magenticData();
        Assumptions.assumeTrue(
                root.isPresent(),
                "Magentic's data folder is not at hand: shared/anchors/magentic-marketplace/data, -Dmagentic.data"
                        + " or $MAGENTIC_DATA");
        List<Path> folders = MagenticData.datasetFolders(root.get());
        assertThat(folders).as("dataset folders under %s", root.get()).isNotEmpty();
        return folders.stream()
                .map(folder ->
                        DynamicTest.dynamicTest(root.get().relativize(folder).toString(), () -> check(folder)));
    }

    private static void check(Path folder) throws IOException {
        MagenticDataset dataset = MagenticImporter.read(folder);
        Catalog catalog = dataset.catalog();

        List<JsonNode> businesses = plain(folder.resolve("businesses"));
        List<JsonNode> customers = plain(folder.resolve("customers"));
        assertThat(catalog.services()).hasSize(businesses.size());
        assertThat(catalog.customers()).hasSize(customers.size());
        for (int i = 0; i < businesses.size(); i++) {
            checkBusiness(businesses.get(i), catalog.services().get(i));
        }
        for (int i = 0; i < customers.size(); i++) {
            checkCustomer(customers.get(i), catalog.customers().get(i));
        }

        MagenticBaselines.Result r = MagenticBaselines.compute(catalog, 1, MagenticBaselines.DEFAULT_DRAWS, RESAMPLES);
        assertThat(r.customers()).isEqualTo(customers.size());
        assertThat(r.businesses()).isEqualTo(businesses.size());
        assertThat(r.unserved() + r.withoutFeasible())
                .isEqualTo(dataset.warnings().size());
        assertThat(r.optimal()).isGreaterThanOrEqualTo(r.cheapest()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        assertThat(r.perCustomer().stream()
                        .map(MagenticBaselines.CustomerBaseline::optimal)
                        .reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(r.optimal());
        long optimal = cents(r.optimal());
        long anyFloor = 0;
        long feasibleFloor = 0;
        for (Customer c : catalog.customers()) {
            anyFloor += worst(c, catalog.services(), false);
            feasibleFloor += worst(c, catalog.services(), true);
        }
        check(r.randomAny(), optimal, anyFloor);
        check(r.randomFeasible(), optimal, feasibleFloor);
        assertThat(MagenticBaselines.compute(catalog, 1, MagenticBaselines.DEFAULT_DRAWS, RESAMPLES))
                .as("the same seed gives the same baselines")
                .isEqualTo(r);
    }

    /** Every draw lies between the worst and the best a customer can get; the interval holds the median. */
    private static void check(MagenticBaselines.Draws d, long optimal, long floor) {
        assertThat(d.sums())
                .hasSize(MagenticBaselines.DEFAULT_DRAWS)
                .allSatisfy(sum -> assertThat(sum).isBetween(floor, optimal));
        assertThat(d.min()).isLessThanOrEqualTo(d.ciLower());
        assertThat(d.ciLower()).isLessThanOrEqualTo(d.median());
        assertThat(d.median()).isLessThanOrEqualTo(d.ciUpper());
        assertThat(d.ciUpper()).isLessThanOrEqualTo(d.max());
        assertThat(cents(d.min()))
                .isEqualTo(d.sums().stream().mapToLong(Long::longValue).min().orElseThrow());
        assertThat(cents(d.max()))
                .isEqualTo(d.sums().stream().mapToLong(Long::longValue).max().orElseThrow());
    }

    /** The worst utility of a purchase (at a feasible business only, if asked) where one is possible, else 0. */
    private static long worst(Customer c, List<Service> services, boolean feasibleOnly) {
        long worst = Long.MAX_VALUE;
        for (Service s : services) {
            if (!s.menu().keySet().containsAll(c.items().keySet())) {
                continue;
            }
            boolean feasible = s.amenities().containsAll(c.requiredAmenities());
            if (feasibleOnly && !feasible) {
                continue;
            }
            long total = 0;
            for (Map.Entry<String, Integer> e : c.items().entrySet()) {
                total += s.menu().get(e.getKey()) * e.getValue();
            }
            worst = Math.min(worst, (feasible ? c.fulfilledValue() : 0) - total);
        }
        return worst == Long.MAX_VALUE ? 0 : worst;
    }

    private static void checkBusiness(JsonNode file, Service service) {
        assertThat(service.id()).isEqualTo(file.get("id").asText());
        assertThat(service.name()).isEqualTo(file.get("name").asText());
        assertThat(service.rating()).isEqualTo(file.get("rating").asDouble());
        TreeMap<String, Long> menu = new TreeMap<>();
        file.get("menu_features").fields().forEachRemaining(e -> menu.put(e.getKey(), price(e.getValue())));
        assertThat(service.menu()).as("menu of %s", service.id()).isEqualTo(menu);
        TreeSet<String> amenities = new TreeSet<>();
        file.get("amenity_features").fields().forEachRemaining(e -> {
            assertThat(e.getValue().isBoolean()).isTrue();
            if (e.getValue().booleanValue()) {
                amenities.add(e.getKey());
            }
        });
        assertThat(service.amenities()).as("amenities of %s", service.id()).isEqualTo(amenities);
    }

    private static void checkCustomer(JsonNode file, Customer customer) {
        assertThat(customer.id()).isEqualTo(file.get("id").asText());
        assertThat(customer.request()).isEqualTo(file.get("request").asText());
        TreeMap<String, Long> values = new TreeMap<>();
        file.get("menu_features").fields().forEachRemaining(e -> values.put(e.getKey(), price(e.getValue())));
        assertThat(customer.referencePrices())
                .as("reference prices of %s", customer.id())
                .isEqualTo(values);
        assertThat(customer.items().keySet()).isEqualTo(values.keySet());
        assertThat(customer.items().values()).allSatisfy(q -> assertThat(q).isPositive());
        TreeSet<String> required = new TreeSet<>();
        for (Iterator<JsonNode> it = file.get("amenity_features").elements(); it.hasNext(); ) {
            required.add(it.next().asText());
        }
        assertThat(customer.requiredAmenities()).isEqualTo(required);
        assertThat(customer.budget()).isEqualTo(customer.fulfilledValue()).isPositive();
    }

    private static long price(JsonNode node) {
        assertThat(node.isNumber()).as("price %s", node).isTrue();
        return node.decimalValue()
                .setScale(2, RoundingMode.HALF_EVEN)
                .movePointRight(2)
                .longValueExact();
    }

    private static long cents(BigDecimal value) {
        return value.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
    }

    /** The YAML files of a folder, in file-name order, read with a plain YAML reader. */
    private static List<JsonNode> plain(Path dir) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(
                            p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList()) {
                out.add(PLAIN_YAML.readTree(file.toFile()));
            }
        }
        return out;
    }
}

package org.mercato.scenarios.magentic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;

/** Reading Magentic dataset folders: the fixture, the request's quantities, and every kind of bad input. */
class MagenticImporterTest {
    @TempDir
    Path dir;

    /** A copy of the fixture to spoil. */
    private Path copy() throws IOException {
        Path target = dir.resolve("market");
        try (Stream<Path> files = Files.walk(MagenticData.fixture())) {
            for (Path source : files.toList()) {
                Path to =
                        target.resolve(MagenticData.fixture().relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(source, to);
                }
            }
        }
        return target;
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private static String error(Path folder) {
        return assertThatThrownBy(() -> MagenticImporter.read(folder))
                .isInstanceOf(MagenticFormatException.class)
                .actual()
                .getMessage();
    }

    @Test
    void readsTheFixture() {
        MagenticDataset dataset = MagenticImporter.read(MagenticData.fixture());
        Catalog catalog = dataset.catalog();

        assertThat(dataset.warnings()).isEmpty();
        assertThat(catalog.services()).extracting(Service::id).containsExactly("bakery_1", "bakery_2", "bakery_3");
        assertThat(catalog.customers()).extracting(Customer::id).containsExactly("shopper_1", "shopper_2", "shopper_3");

        Service larkspur = catalog.services().get(0);
        assertThat(larkspur.name()).isEqualTo("Larkspur Loaves");
        assertThat(larkspur.description()).startsWith("A neighbourhood bakery").doesNotContain("\n");
        assertThat(larkspur.rating()).isEqualTo(4.2);
        assertThat(larkspur.reviewCount()).isZero();
        assertThat(larkspur.menu())
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                        "Sourdough Loaf", 500L, "Cinnamon Knot", 300L, "Rye Roll", 150L, "Seeded Baguette", 325L)));
        // only amenities marked true; Magentic's spelling kept
        assertThat(larkspur.amenities()).containsExactly("Curbside Pickup");
        assertThat(catalog.services().get(1).amenities()).isEmpty();
        assertThat(catalog.services().get(2).amenities()).containsExactly("Curbside Pickup", "Gluten-Free Options");

        Customer ines = catalog.customers().get(0);
        assertThat(ines.name()).isEqualTo("Ines Calloway");
        assertThat(ines.request()).startsWith("Please find a bakery").contains("'Cinnamon Knot' (1) and has");
        assertThat(ines.items())
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("Cinnamon Knot", 1, "Sourdough Loaf", 1)));
        assertThat(ines.referencePrices()).containsEntry("Sourdough Loaf", 550L).containsEntry("Cinnamon Knot", 350L);
        assertThat(ines.requiredAmenities()).containsExactly("Gluten-Free Options");
        assertThat(ines.budget()).isEqualTo(1_800L).isEqualTo(ines.fulfilledValue());

        Customer tobias = catalog.customers().get(1);
        assertThat(tobias.items()).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("Plum Tart", 2)));
        assertThat(tobias.budget()).isEqualTo(2 * 2 * 700L);

        Customer marisol = catalog.customers().get(2);
        assertThat(marisol.items()).containsEntry("Rye Roll", 1);
        assertThat(marisol.requiredAmenities()).isEmpty();
    }

    @Test
    void quantitiesWrittenNextToTheItem() {
        Set<String> one = Set.of("Tacos");
        assertThat(MagenticImporter.quantity("Find 'Tacos' (2) please", "Tacos", one))
                .isEqualTo(2);
        assertThat(MagenticImporter.quantity("Find Tacos (quantity: 3) please", "Tacos", one))
                .isEqualTo(3);
        assertThat(MagenticImporter.quantity("I want 4 Tacos today", "Tacos", one))
                .isEqualTo(4);
        assertThat(MagenticImporter.quantity("I want 4 'Tacos' today", "Tacos", one))
                .isEqualTo(4);
        assertThat(MagenticImporter.quantity("Provide 'Tacos': 5 and a drink", "Tacos", one))
                .isEqualTo(5);
        assertThat(MagenticImporter.quantity("Provide Tacos for 6 units", "Tacos", one))
                .isEqualTo(6);
        assertThat(MagenticImporter.quantity("Some Tacos with\n  salsa", "Tacos", one))
                .isEqualTo(1);
        assertThat(MagenticImporter.quantity("Nothing about them", "Tacos", one))
                .isEqualTo(1);
        // an item name split over lines in the YAML file arrives with single spaces; be lenient anyway
        assertThat(MagenticImporter.quantity("Find 'Fish\n  Tacos' (2)", "Fish Tacos", Set.of("Fish Tacos")))
                .isEqualTo(2);
        // "1.5 Tacos" is not a count, nor is a number that belongs to another word
        assertThat(MagenticImporter.quantity("about 1.5 Tacos", "Tacos", one)).isEqualTo(1);
    }

    @Test
    void aLongerItemsNumberIsNotTakenForAShorterOnes() {
        Set<String> both = Set.of("Flan", "Coconut Flan");
        String request = "I want 'Coconut Flan' (2) and 'Flan' (1)";

        assertThat(MagenticImporter.quantity(request, "Flan", both)).isEqualTo(1);
        assertThat(MagenticImporter.quantity(request, "Coconut Flan", both)).isEqualTo(2);
    }

    @Test
    void conflictingOrZeroQuantities() {
        assertThatThrownBy(() -> MagenticImporter.quantity("'Tacos' (2), and 3 Tacos", "Tacos", Set.of("Tacos")))
                .hasMessage("states different quantities of 'Tacos': 2 and 3");
        assertThatThrownBy(() -> MagenticImporter.quantity("'Tacos' (0)", "Tacos", Set.of("Tacos")))
                .hasMessage("the quantity of 'Tacos' must be at least 1, was 0");
    }

    @Test
    void aConflictingQuantityNamesTheRequest() throws IOException {
        Path market = copy();
        Path file = market.resolve("customers/shopper_2.yaml");
        edit(file, "'Plum Tart' (2) from", "'Plum Tart' (2) or 3 Plum Tart from");

        assertThat(error(market))
                .isEqualTo(file + ":3:10: request: states different quantities of 'Plum Tart': 2 and 3");
    }

    @Test
    void missingRequiredField() throws IOException {
        Path market = copy();
        Path file = market.resolve("businesses/bakery_2.yaml");
        edit(file, "rating: 4.6\n", "");

        assertThat(error(market))
                .isEqualTo(file
                        + ": rating: missing; a business needs id, name, rating, menu_features and amenity_features");
    }

    @Test
    void missingCustomerField() throws IOException {
        Path market = copy();
        Path file = market.resolve("customers/shopper_3.yaml");
        edit(file, "amenity_features: []\n", "");

        assertThat(error(market))
                .isEqualTo(file
                        + ": amenity_features: missing; a customer needs id, name, request, menu_features and"
                        + " amenity_features");
    }

    @Test
    void wrongTypes() throws IOException {
        Path market = copy();
        Path bakery = market.resolve("businesses/bakery_2.yaml");
        edit(bakery, "rating: 4.6", "rating: high");
        assertThat(error(market)).isEqualTo(bakery + ":4:9: rating: expected a rating (a number), got text 'high'");

        edit(bakery, "rating: high", "rating: 4.6");
        edit(bakery, "Rye Roll: 2.00", "Rye Roll: '2.00'");
        assertThat(error(market))
                .isEqualTo(bakery + ":8:13: menu_features['Rye Roll']: expected a price (a number), got text '2.00'");

        edit(bakery, "Rye Roll: '2.00'", "Rye Roll: 2.00");
        edit(bakery, "Curbside Pickup: false", "Curbside Pickup: sometimes");
        assertThat(error(market))
                .isEqualTo(bakery
                        + ":12:20: amenity_features['Curbside Pickup']: expected true or false, got text 'sometimes'");

        edit(bakery, "Curbside Pickup: sometimes", "Curbside Pickup: false");
        edit(bakery, "id: bakery_2", "id: 2");
        assertThat(error(market)).isEqualTo(bakery + ":1:5: id: expected text, got the number 2");

        edit(bakery, "id: 2", "id: bakery_2");
        Path shopper = market.resolve("customers/shopper_1.yaml");
        edit(shopper, "amenity_features:\n- Gluten-Free Options", "amenity_features:\n  Gluten-Free Options: true");
        assertThat(error(market))
                .isEqualTo(shopper + ":9:3: amenity_features: expected a list of required amenities, got a mapping");
    }

    @Test
    void unknownAmenityIsAnErrorWithASuggestion() throws IOException {
        Path market = copy();
        Path file = market.resolve("customers/shopper_1.yaml");
        edit(file, "- Gluten-Free Options", "- Gluten Free Options");

        assertThat(error(market))
                .isEqualTo(file
                        + ":9:3: amenity_features[0]: unknown amenity 'Gluten Free Options': no business in the folder"
                        + " lists it (did you mean 'Gluten-Free Options'?)");
    }

    @Test
    void anAmenityEveryBusinessLacksIsAWarningNotAnError() throws IOException {
        Path market = copy();
        edit(market.resolve("businesses/bakery_3.yaml"), "Gluten-Free Options: true", "Gluten-Free Options: false");

        MagenticDataset dataset = MagenticImporter.read(market);

        assertThat(dataset.catalog().customers()).hasSize(3);
        assertThat(dataset.warnings())
                .containsExactly("customer shopper_1 cannot be served: 3 businesses sell all of 'Cinnamon Knot',"
                        + " 'Sourdough Loaf' but none has all of 'Gluten-Free Options'");
    }

    @Test
    void unservableCustomersAreWarnings() throws IOException {
        Path market = copy();
        edit(
                market.resolve("customers/shopper_2.yaml"),
                "Plum Tart: 7.00",
                "Plum Tart: 7.00\n  Almond Croissant: 4.00");
        Path marisol = market.resolve("customers/shopper_3.yaml");
        edit(marisol, "Rye Roll: 2.50", "Rye Roll: 2.50\n  Seeded Baguette: 4.00");
        edit(marisol, "amenity_features: []", "amenity_features: [Gluten-Free Options]");

        MagenticDataset dataset = MagenticImporter.read(market);

        assertThat(dataset.warnings())
                .containsExactly(
                        "customer shopper_2 cannot be served: no business sells all of 'Almond Croissant', 'Plum Tart'",
                        "customer shopper_3 cannot be served: the only business that sells all of 'Rye Roll',"
                                + " 'Seeded Baguette' lacks some of 'Gluten-Free Options'");
        assertThat(MagenticImporter.unservable(dataset.catalog())).isEqualTo(dataset.warnings());
    }

    @Test
    void otherBadFolders() throws IOException {
        assertThat(error(dir.resolve("nowhere"))).isEqualTo(dir.resolve("nowhere") + ": no such folder");

        Path file = Files.writeString(dir.resolve("file.yaml"), "x: 1");
        assertThat(error(file)).startsWith(file + ": is a file, not a Magentic dataset folder");

        Path half = Files.createDirectories(dir.resolve("half/customers")).getParent();
        assertThat(error(half))
                .isEqualTo(
                        half + ": no businesses/ folder; a Magentic dataset folder holds businesses/ and customers/");
        Files.createDirectories(half.resolve("businesses"));
        assertThat(error(half)).isEqualTo(half.resolve("businesses") + ": holds no .yaml files");
    }

    @Test
    void duplicateIdsMalformedYamlAndOddValues() throws IOException {
        Path market = copy();
        Path second = market.resolve("customers/shopper_2.yaml");
        edit(second, "id: shopper_2", "id: shopper_1");
        assertThat(error(market))
                .isEqualTo(second + ":1:5: id: 'shopper_1' is already the id in "
                        + market.resolve("customers/shopper_1.yaml"));

        edit(second, "id: shopper_1", "id: shopper_2");
        Path bakery = market.resolve("businesses/bakery_1.yaml");
        edit(bakery, "  Rye Roll: 1.50", "  Rye Roll: -1.50");
        assertThat(error(market))
                .isEqualTo(bakery + ":9:13: menu_features['Rye Roll']: a price must be >= 0, was -1.5");

        edit(bakery, "  Rye Roll: -1.50", "  Rye Roll: 1.50\n  Rye Roll: 1.75");
        assertThat(error(market)).startsWith(bakery + ":10:").contains("malformed YAML: Duplicate field 'Rye Roll'");

        edit(bakery, "  Rye Roll: 1.50\n  Rye Roll: 1.75", "  Rye Roll: 1.50");
        edit(bakery, "rating: 4.2", "rating: 7");
        assertThat(error(market)).isEqualTo(bakery + ":5:9: rating: must be within 0 to 5, was 7");

        edit(bakery, "rating: 7", "rating: 4.2");
        Files.writeString(market.resolve("businesses/bakery_0.yaml"), "- just\n- a list\n");
        assertThat(error(market))
                .isEqualTo(market.resolve("businesses/bakery_0.yaml")
                        + ":1:1: expected a mapping of fields (id, name, ...), got a list");
    }

    @Test
    void filesAreReadInNameOrderWhateverTheirIds() throws IOException {
        Path market = copy();
        Files.move(market.resolve("businesses/bakery_1.yaml"), market.resolve("businesses/z_last.yaml"));
        Files.writeString(market.resolve("businesses/notes.txt"), "not a business");

        List<String> ids = MagenticImporter.read(market).catalog().services().stream()
                .map(Service::id)
                .toList();

        assertThat(ids).containsExactly("bakery_2", "bakery_3", "bakery_1");
    }
}

package org.mercato.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.market.search.CachedSearch;
import org.mercato.sim.market.search.MarketVersion;
import org.mercato.sim.market.search.SearchMechanisms;
import org.mercato.sim.market.search.SemanticSettings;
import org.mercato.sim.protocol.Search;

/** The real model ranks hand-written paraphrases (no word shared with the listing) first. */
class SemanticRankingTest {
    private static final Customer SHOPPER = new Customer(
            "x", "x", "", new TreeMap<>(Map.of("item", 1)), new TreeMap<>(Map.of("item", 1L)), new TreeSet<>(), 1000);

    private static Service service(String id, String name, String description, String... items) {
        TreeMap<String, Long> menu = new TreeMap<>();
        for (String item : items) {
            menu.put(item, 1000L);
        }
        return new Service(id, name, description, menu, new TreeSet<>(), 4.0, 10);
    }

    static final List<Service> CATALOG = List.of(
            service("audio", "Wireless Headphones", "Bluetooth over-ear headphones", "Wireless Headphones"),
            service("bakery", "Corner Bakery", "Fresh bread every morning", "Sourdough Loaf", "Croissant"),
            service("bikes", "City Cycles", "Bicycle sales and repair", "Road Bike", "Inner Tube"),
            service("coffee", "Bean There", "Specialty coffee roaster", "Espresso Beans", "French Press"),
            service("pets", "Happy Paws", "Pet supplies", "Dog Food", "Cat Litter"),
            service("shoes", "Stride", "Athletic footwear", "Running Shoes", "Trail Sneakers"),
            service("garden", "Green Thumb", "Garden centre", "Lawn Mower", "Flower Seeds"),
            service("phones", "Cell Hub", "Mobile phones and accessories", "Smartphone", "Phone Charger"),
            service("books", "Page Turner", "Independent bookshop", "Mystery Novel", "Cookbook"),
            service("tools", "Fix It", "Hardware store", "Power Drill", "Hammer"));

    private static CachedSearch create(String mechanism, SemanticSettings settings) {
        return SearchMechanisms.create(mechanism, CATALOG, 1, new MarketVersion(), 0, settings, MiniLmEmbedder::shared);
    }

    private static List<String> ids(CachedSearch search, String query) {
        return search.rank(new Search(query), SHOPPER).stream().map(Service::id).toList();
    }

    @ParameterizedTest
    @CsvSource({
        "cordless earbuds for music, audio",
        "something to listen to songs without cables, audio",
        "a warm loaf for breakfast, bakery",
        "two wheels to ride to work, bikes",
        "dark roast for my cafetiere, coffee",
        "kibble for my puppy, pets",
        "sneakers for jogging, shoes",
        "something to cut the grass, garden",
        "a new mobile handset, phones",
        "a whodunit to read on holiday, books",
        "something to make holes in a wall, tools"
    })
    void semanticAndHybridRankAParaphraseFirst(String query, String expected) {
        assertThat(ids(create("semantic", SemanticSettings.DEFAULTS), query))
                .first()
                .isEqualTo(expected);
        assertThat(ids(create("hybrid", SemanticSettings.DEFAULTS), query))
                .first()
                .isEqualTo(expected);
    }

    @Test
    void lexicalSearchMissesAParaphraseThatSemanticSearchFinds() {
        CachedSearch lexical = SearchMechanisms.create("lexical", CATALOG, 1, new MarketVersion(), 0);
        assertThat(ids(lexical, "kibble for my puppy")).isEmpty();
        assertThat(ids(create("semantic", SemanticSettings.DEFAULTS), "kibble for my puppy"))
                .first()
                .isEqualTo("pets");
    }

    @Test
    void threadsCachesAndTheHnswPathGiveTheSameRankings(@TempDir Path folder) {
        List<String> queries = List.of("cordless earbuds for music", "kibble for my puppy", "a new mobile handset");
        SemanticSettings plain = new SemanticSettings(100, 10_000, 60, false, null, 1);
        List<SemanticSettings> variants = List.of(
                new SemanticSettings(100, 10_000, 60, false, null, 2),
                new SemanticSettings(100, 10_000, 60, true, null, 2),
                new SemanticSettings(100, 10_000, 60, false, folder, 2),
                new SemanticSettings(100, 10_000, 60, true, folder, 1),
                new SemanticSettings(100, 0, 60, false, null, 2));
        for (String mechanism : List.of("semantic", "hybrid")) {
            for (String query : queries) {
                List<String> expected = ids(create(mechanism, plain), query);
                for (SemanticSettings variant : variants) {
                    assertThat(ids(create(mechanism, variant), query))
                            .as(mechanism + " " + query + " " + variant)
                            .isEqualTo(expected);
                }
            }
        }
        assertThat(Set.copyOf(ids(create("semantic", plain), "anything"))).hasSize(CATALOG.size());
    }
}

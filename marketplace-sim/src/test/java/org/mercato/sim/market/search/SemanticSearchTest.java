package org.mercato.sim.market.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.protocol.SearchFilters;

class SemanticSearchTest {
    private static final Customer SHOPPER = Listings.customer("x", Map.of("tacos", 1), Set.of());
    private static final SemanticSettings NO_CACHE = new SemanticSettings(100, 10_000, 60, false, null, 1);

    private static final List<Service> MARKET = List.of(
            new Service(
                    "c",
                    "Taco Stand",
                    "street food",
                    new TreeMap<>(Map.of("fish tacos", 900L, "soda", 200L)),
                    new TreeSet<>(Set.of("outdoor")),
                    4.5,
                    10),
            new Service(
                    "a",
                    "Pizza Place",
                    "wood oven",
                    new TreeMap<>(Map.of("margherita pizza", 1200L)),
                    new TreeSet<>(),
                    3.5,
                    10),
            new Service(
                    "b",
                    "Taco Stand",
                    "street food",
                    new TreeMap<>(Map.of("fish tacos", 900L, "soda", 200L)),
                    new TreeSet<>(),
                    4.0,
                    10),
            new Service(
                    "d", "Bike Shop", "repairs", new TreeMap<>(Map.of("inner tube", 700L)), new TreeSet<>(), 5.0, 10));

    private static List<String> ids(SearchMechanism mechanism, Search search) {
        return Listings.ids(mechanism.rank(search, SHOPPER));
    }

    private static SemanticSearch semantic(List<Service> services, SemanticSettings settings) {
        return new SemanticSearch(services, settings, new WordHashEmbedder());
    }

    @Test
    void theClosestServiceComesFirstAndEqualScoresGoByIdWithinTheCandidates() {
        SemanticSearch search = semantic(MARKET, NO_CACHE);
        // b and c have the same text, so the same vector and score: b before c
        assertThat(ids(search, new Search("fish tacos"))).startsWith("b", "c").hasSize(4);
        SemanticSearch two = semantic(MARKET, new SemanticSettings(2, 10_000, 60, false, null, 1));
        assertThat(ids(two, new Search("fish tacos"))).containsExactly("b", "c");
    }

    @Test
    void filtersApplyBeforeTheCut() {
        SemanticSearch two = semantic(MARKET, new SemanticSettings(2, 10_000, 60, false, null, 1));
        Search outdoorsOnly = new Search("fish tacos", SearchFilters.amenities(Set.of("outdoor")), 0);
        assertThat(ids(two, outdoorsOnly)).containsExactly("c");
        Search rated = new Search("fish tacos", new SearchFilters(new TreeSet<>(), 4.2), 0);
        assertThat(ids(two, rated)).containsExactly("c", "d");
        // the price cap is judged on the items about the query: the tacos at 900, not the soda at 200
        Search cheapTacos = new Search("tacos", new SearchFilters(new TreeSet<>(), 0, 500), 0);
        assertThat(ids(semantic(MARKET, NO_CACHE), cheapTacos)).doesNotContain("b", "c");
    }

    @Test
    void aBlankQueryListsEveryAdmittedServiceById() {
        SemanticSearch two = semantic(MARKET, new SemanticSettings(2, 10_000, 60, false, null, 1));
        assertThat(ids(two, new Search(" ?! "))).containsExactly("a", "b", "c", "d");
        assertThat(ids(two, new Search("", new SearchFilters(new TreeSet<>(), 4.2), 0)))
                .containsExactly("c", "d");
    }

    @Test
    void relistingKeepsTheVectorsAndShowsTheNewListings() {
        WordHashEmbedder model = new WordHashEmbedder();
        SemanticSearch search = new SemanticSearch(MARKET, NO_CACHE, model);
        long calls = model.calls.get();
        List<Service> changed = new ArrayList<>(MARKET);
        Service a = MARKET.get(1);
        changed.set(1, new Service(a.id(), a.name(), a.description(), a.menu(), a.amenities(), 1.0, 99));
        SemanticSearch relisted = search.relist(changed);
        assertThat(model.calls.get()).isEqualTo(calls);
        List<Service> ranked = relisted.rank(new Search("margherita pizza"), SHOPPER);
        assertThat(ranked.get(0).reviewCount()).isEqualTo(99);
    }

    /** A market of n services over a small vocabulary, so that many scores tie. */
    static List<Service> market(int n) {
        String[] words = {"tacos", "pizza", "bike", "coffee", "bread", "shoes", "tea", "soup"};
        List<Service> services = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String item = words[i % words.length] + " " + words[(i * 7 + 3) % words.length];
            services.add(new Service(
                    String.format("s%04d", (i * 37) % n),
                    "Shop " + (i % 13),
                    "",
                    new TreeMap<>(Map.of(item, 100L + i)),
                    new TreeSet<>(),
                    4.0,
                    1));
        }
        return services;
    }

    /** A pseudo-random unit vector per text: no two texts tie, as with a real model. */
    private static final class RandomVectors implements TextEmbedder {
        @Override
        public String model() {
            return "test-random-vectors";
        }

        @Override
        public int dimensions() {
            return 32;
        }

        @Override
        public float[] embed(String text) {
            java.util.SplittableRandom random = new java.util.SplittableRandom(text.hashCode());
            float[] vector = new float[32];
            double norm = 0;
            for (int i = 0; i < vector.length; i++) {
                vector[i] = (float) random.nextGaussian();
                norm += vector[i] * vector[i];
            }
            for (int i = 0; i < vector.length; i++) {
                vector[i] = (float) (vector[i] / Math.sqrt(norm));
            }
            return vector;
        }
    }

    @Test
    void theHnswPathIsTheSameOnEveryBuildAndAgreesWithExactAtTheTop() {
        List<Service> market = market(500);
        SemanticSettings hnsw = new SemanticSettings(10, 0, 60, false, null, 1);
        SemanticSettings exact = new SemanticSettings(10, 10_000, 60, false, null, 1);
        for (String query : List.of("tacos", "coffee bread", "Shop 7 bike", "soup")) {
            Search search = new Search(query);
            List<String> first = ids(new SemanticSearch(market, hnsw, new RandomVectors()), search);
            assertThat(ids(new SemanticSearch(market, hnsw, new RandomVectors()), search))
                    .as(query)
                    .isEqualTo(first);
            List<String> exactly = ids(new SemanticSearch(market, exact, new RandomVectors()), search);
            assertThat(first).as(query).hasSize(10);
            assertThat(first.get(0)).as(query).isEqualTo(exactly.get(0));
            assertThat(first.stream().filter(exactly::contains).count())
                    .as(query)
                    .isGreaterThanOrEqualTo(8);
        }
    }

    @Test
    void theThreadCountAndTheCachesNeverChangeARanking(@TempDir Path folder) {
        List<Service> market = market(200);
        List<Search> searches = List.of(new Search("tacos pizza"), new Search("tea"), new Search("Shop 3 soup"));
        List<List<String>> expected = new ArrayList<>();
        SemanticSearch plain = semantic(market, NO_CACHE);
        searches.forEach(search -> expected.add(ids(plain, search)));
        for (SemanticSettings settings : List.of(
                new SemanticSettings(100, 10_000, 60, false, null, 2),
                new SemanticSettings(100, 10_000, 60, false, null, 3),
                new SemanticSettings(100, 10_000, 60, true, null, 2),
                new SemanticSettings(100, 10_000, 60, true, null, 2),
                new SemanticSettings(100, 10_000, 60, false, folder, 2),
                new SemanticSettings(100, 10_000, 60, false, folder, 1))) {
            SemanticSearch search = semantic(market, settings);
            for (int i = 0; i < searches.size(); i++) {
                assertThat(ids(search, searches.get(i))).as(settings.toString()).isEqualTo(expected.get(i));
            }
        }
    }

    @Test
    void costsAreCountedAndTheDeterministicCountsDoNot(@TempDir Path folder) {
        SemanticSettings disk = new SemanticSettings(100, 10_000, 60, false, folder, 1);
        WordHashEmbedder model = new WordHashEmbedder();
        SemanticSearch first = new SemanticSearch(MARKET, disk, model);
        first.rank(new Search("tacos"), SHOPPER);
        first.rank(new Search("tacos"), SHOPPER);
        EmbeddingStats before = first.embeddingStats();
        assertThat(before.services()).isEqualTo(4);
        assertThat(before.queries()).isEqualTo(1);
        assertThat(before.cost().computed()).isEqualTo(4); // 3 distinct service texts and 1 query
        assertThat(before.cost().diskHits()).isEqualTo(2); // the twin service text and the repeated query

        SemanticSearch second = new SemanticSearch(MARKET, disk, model);
        second.rank(new Search("tacos"), SHOPPER);
        EmbeddingStats after = second.embeddingStats();
        assertThat(after.cost().computed()).isZero();
        assertThat(after.cost().diskHits()).isEqualTo(5);
        assertThat(List.of(after.model(), after.dimensions(), after.services(), after.queries()))
                .isEqualTo(List.of(before.model(), before.dimensions(), before.services(), before.queries()));
    }

    @Test
    void aCorruptOrForeignCacheFileIsIgnoredAndReplaced(@TempDir Path folder) throws IOException {
        SemanticSettings disk = new SemanticSettings(100, 10_000, 60, false, folder, 1);
        List<String> expected = ids(semantic(MARKET, disk), new Search("fish tacos"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(file -> file.toString().endsWith(".vec"))
                    .sorted()
                    .toList();
        }
        assertThat(files).hasSize(4);
        Files.write(files.get(0), new byte[] {1, 2, 3});
        byte[] other = Files.readAllBytes(files.get(2));
        Files.write(files.get(1), other); // a valid file of another text
        byte[] flipped = Files.readAllBytes(files.get(3));
        flipped[flipped.length - 20] ^= 1;
        Files.write(files.get(3), flipped);

        WordHashEmbedder model = new WordHashEmbedder();
        SemanticSearch again = new SemanticSearch(MARKET, disk, model);
        assertThat(ids(again, new Search("fish tacos"))).isEqualTo(expected);
        // the three bad files were recomputed, never trusted (the twin text may then come from disk)
        assertThat(again.embeddingStats().cost().computed()).isGreaterThanOrEqualTo(3);
        SemanticSearch repaired = new SemanticSearch(MARKET, disk, model);
        repaired.rank(new Search("fish tacos"), SHOPPER);
        assertThat(repaired.embeddingStats().cost().computed()).isZero();
    }

    @Test
    void settingsOutOfRangeAreRefusedWithTheirName() {
        assertThatThrownBy(() -> new SemanticSettings(0, 1, 60, true, null, 0))
                .hasMessage("candidates must be >= 1, was 0");
        assertThatThrownBy(() -> new SemanticSettings(1, -1, 60, true, null, 0))
                .hasMessage("exactUpTo must be >= 0, was -1");
        assertThatThrownBy(() -> new SemanticSettings(1, 1, 0, true, null, 0)).hasMessage("rrfK must be >= 1, was 0");
        assertThatThrownBy(() -> new SemanticSettings(1, 1, 60, true, null, -1))
                .hasMessage("threads must be >= 0 (0: one per processor), was -1");
        assertThat(new SemanticSettings(1, 1, 60, true, null, 3).effectiveThreads())
                .isEqualTo(3);
    }
}

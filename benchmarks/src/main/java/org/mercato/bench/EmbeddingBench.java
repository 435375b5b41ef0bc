package org.mercato.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mercato.embeddings.MiniLmEmbedder;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.market.search.SemanticSearch;
import org.mercato.sim.market.search.SemanticSettings;
import org.mercato.sim.protocol.Search;

/**
 * The embedding benchmark: {@code services} generated retail-like listings (name, description, two
 * to four items) embedded by the in-JVM model on two threads and on one (no cache, so every vector
 * is computed), then the mean time to rank one of {@code queries} generated shopper queries over
 * them, exact (every service scored) and with Lucene's HNSW graph, the query vectors already in the
 * memory cache (a query's own embedding is timed apart). Prints wall and process CPU times (on a
 * shared machine the CPU time per service is the steadier figure) and how many of the
 * HNSW top 10 the exact top 10 holds.
 *
 * <p>Arguments: {@code [services (10000)] [queries (200)]}.
 */
public final class EmbeddingBench {
    private static final String[] ADJECTIVES = {
        "wireless", "organic", "stainless", "compact", "waterproof", "vintage", "ergonomic", "portable",
        "handmade", "lightweight", "smart", "classic", "premium", "eco-friendly", "heavy-duty", "cotton"
    };
    private static final String[] PRODUCTS = {
        "headphones", "coffee beans", "water bottle", "backpack", "running shoes", "desk lamp", "yoga mat",
        "blender", "office chair", "phone case", "tea kettle", "rain jacket", "board game", "dog bed",
        "frying pan", "bike helmet", "wall clock", "sunglasses", "notebook", "power bank", "face cream",
        "toaster", "guitar strings", "camping tent", "kitchen knife", "bath towel", "drill", "scarf"
    };
    private static final String[] SHOPS = {"Outlet", "Store", "Market", "Depot", "Corner", "Supply", "Boutique"};
    private static final String[] QUERIES = {
        "something to keep my drinks cold on a hike",
        "cordless earbuds for music",
        "a comfortable seat for working at home",
        "shoes for jogging in the park",
        "a bag for carrying a laptop",
        "gift for a coffee lover",
        "charger I can take travelling",
        "non-stick pan for eggs",
        "a shelter for sleeping outdoors",
        "protect my head while cycling"
    };

    private EmbeddingBench() {}

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int queryCount = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        List<Service> services = services(count, new SplittableRandom(20261205L));
        List<Search> queries = queries(queryCount, new SplittableRandom(7L));
        Customer shopper = new Customer(
                "bench",
                "bench",
                "",
                new TreeMap<>(Map.of("x", 1)),
                new TreeMap<>(Map.of("x", 1L)),
                new TreeSet<>(),
                1);
        long loadStart = System.nanoTime();
        MiniLmEmbedder model = MiniLmEmbedder.shared();
        model.embed("warm-up");
        System.out.printf(
                Locale.ROOT,
                "model loaded and warmed in %.0f ms; %d services, %d queries, %d cores%n",
                millis(loadStart),
                count,
                queryCount,
                Runtime.getRuntime().availableProcessors());

        long cpu = cpuNanos();
        double two = embedMillis(services, 2, model);
        double twoCpu = (cpuNanos() - cpu) / 1e6;
        cpu = cpuNanos();
        double one = embedMillis(services, 1, model);
        double oneCpu = (cpuNanos() - cpu) / 1e6;
        System.out.printf(
                Locale.ROOT,
                "embedding %d services: 2 threads %.1f s (%.2f ms/service), 1 thread %.1f s; ratio %.2f;"
                        + " process CPU %.2f ms/service (2 threads), %.2f ms/service (1 thread)%n",
                count,
                two / 1000,
                two / count,
                one / 1000,
                one / two,
                twoCpu / count,
                oneCpu / count);

        SemanticSettings cached = new SemanticSettings(100, Integer.MAX_VALUE, 60, true, null, 2);
        SemanticSearch exact = new SemanticSearch(services, cached, model);
        long hnswStart = System.nanoTime();
        SemanticSearch hnsw = new SemanticSearch(services, new SemanticSettings(100, 0, 60, true, null, 2), model);
        double hnswBuild = millis(hnswStart);
        long queryStart = System.nanoTime();
        for (Search query : queries) {
            exact.rank(query, shopper); // embeds each query once, into the memory cache
        }
        double queryEmbedding = millis(queryStart) / queries.size();
        double exactMean = meanRankMillis(exact, queries, shopper);
        double hnswMean = meanRankMillis(hnsw, queries, shopper);
        long agree = 0;
        for (Search query : queries) {
            List<Service> top = exact.rank(query, shopper).subList(0, 10);
            agree += hnsw.rank(query, shopper).subList(0, 10).stream()
                    .filter(top::contains)
                    .count();
        }
        System.out.printf(
                Locale.ROOT,
                "HNSW index built in %.0f ms (vectors from the memory cache)%n"
                        + "per query: first embedding + exact ranking %.2f ms; ranking only: exact %.2f ms, HNSW %.2f ms;"
                        + " HNSW top 10 holds %.1f%% of the exact top 10%n",
                hnswBuild,
                queryEmbedding,
                exactMean,
                hnswMean,
                100.0 * agree / (10.0 * queries.size()));
    }

    private static double embedMillis(List<Service> services, int threads, MiniLmEmbedder model) {
        SemanticSearch search = new SemanticSearch(
                services, new SemanticSettings(100, Integer.MAX_VALUE, 60, false, null, threads), model);
        return search.embeddingStats().cost().millis();
    }

    private static double meanRankMillis(SemanticSearch search, List<Search> queries, Customer shopper) {
        for (Search query : queries) {
            search.rank(query, shopper); // warm-up
        }
        long start = System.nanoTime();
        for (Search query : queries) {
            search.rank(query, shopper);
        }
        return millis(start) / queries.size();
    }

    /** The process's CPU time so far: on a shared machine, what the work cost whoever else runs. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static List<Service> services(int count, SplittableRandom random) {
        List<Service> services = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            TreeMap<String, Long> menu = new TreeMap<>();
            int items = 2 + random.nextInt(3);
            while (menu.size() < items) {
                menu.put(pick(ADJECTIVES, random) + " " + pick(PRODUCTS, random), 500L + random.nextInt(20_000));
            }
            String main = menu.firstKey();
            String name = Character.toUpperCase(main.charAt(0)) + main.substring(1) + " " + pick(SHOPS, random);
            String description = "Quality " + pick(PRODUCTS, random) + " and " + pick(PRODUCTS, random)
                    + ", shipped in " + (1 + random.nextInt(5)) + " days";
            services.add(new Service(
                    String.format(Locale.ROOT, "s%05d", i),
                    name,
                    description,
                    menu,
                    new TreeSet<>(),
                    1 + random.nextInt(40) / 10.0,
                    random.nextInt(500)));
        }
        return services;
    }

    private static List<Search> queries(int count, SplittableRandom random) {
        List<Search> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String query = i % 2 == 0
                    ? QUERIES[random.nextInt(QUERIES.length)] + " " + (i / QUERIES.length)
                    : pick(ADJECTIVES, random) + " " + pick(PRODUCTS, random) + " under " + (10 + i) + " dollars";
            queries.add(new Search(query));
        }
        return queries;
    }

    private static String pick(String[] words, SplittableRandom random) {
        return words[random.nextInt(words.length)];
    }
}

package org.mercato.scenarios.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.random.Seeds;

/**
 * ACES-like retail: product categories with at least eight competing listings each. A listing sells
 * one product of its category (its menu has the category as the single item) at a price spread
 * log-normally around the category's base, with ratings bunched near 4.4 and review counts spread
 * over orders of magnitude. A customer wants one product of one category and is satisfied by any
 * listing in it. A request names the category ("Find me a good stapler") or, with {@code paraphrase}
 * requests, describes the product without its name ({@link RetailParaphrases}); the choice is the
 * customer's last draw, so both kinds of market have the same customers but for the request text.
 */
public final class RetailGenerator implements MarketGenerator {
    static final String[] CATEGORIES = {
        "Stapler", "Toothpaste", "Wireless Headphones", "Coffee Maker", "Backpack", "Desk Lamp", "Water Bottle",
        "Yoga Mat", "Phone Charger", "Notebook", "Sunscreen", "Dish Soap", "Running Shoes", "Blender",
        "Umbrella", "Board Game"
    };
    static final String[] PERKS = {"Free Shipping", "Fast Delivery", "Free Returns"};
    static final String[] ADJECTIVES = {"Classic", "Pro", "Eco", "Compact", "Deluxe", "Essential", "Ultra", "Smart"};
    static final int PER_CATEGORY = 8;

    private final long seed;
    private final boolean paraphrase;

    public RetailGenerator(long seed) {
        this(seed, false);
    }

    /** {@code paraphrase}: requests describe the product instead of naming its category. */
    public RetailGenerator(long seed, boolean paraphrase) {
        this.seed = seed;
        this.paraphrase = paraphrase;
    }

    @Override
    public Catalog generate(int customers, int services, int maxItemsPerCustomer) {
        int categories = Math.max(1, services / PER_CATEGORY);
        SplittableRandom prices = Seeds.derive(seed, "generate/retail/categories");
        long[] base = new long[categories];
        for (int c = 0; c < categories; c++) {
            base[c] = prices.nextLong(300, 15_000);
        }
        List<Service> listings = new ArrayList<>(services);
        for (int i = 0; i < services; i++) {
            listings.add(listing(i, services, i % categories, base[i % categories]));
        }
        List<Customer> shoppers = new ArrayList<>(customers);
        for (int i = 0; i < customers; i++) {
            shoppers.add(shopper(i, customers, categories, base));
        }
        return new Catalog(listings, shoppers);
    }

    static String category(int index) {
        String name = CATEGORIES[index % CATEGORIES.length];
        int round = index / CATEGORIES.length;
        return round == 0 ? name : name + " " + (round + 1);
    }

    private Service listing(int index, int count, int categoryIndex, long basePrice) {
        String id = Draws.id("product", index + 1, count);
        SplittableRandom random = Seeds.derive(seed, "generate/retail/" + id);
        String category = category(categoryIndex);
        long price = Math.max(99, Math.round(basePrice * Draws.logNormal(random, 0.35)));
        double rating = Draws.roundTenth(Math.max(1, Math.min(5, 4.4 - Math.abs(random.nextGaussian(0, 0.5)))));
        int reviews = (int) Math.round(Math.exp(random.nextGaussian(4, 1.5)));
        TreeSet<String> perks = Draws.subset(random, PERKS, 0.4);
        String name = ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " + category + " " + (char) ('A' + index % 26);
        String description = "A " + name.toLowerCase(java.util.Locale.ROOT) + " for everyday use";
        return new Service(
                id,
                name,
                description,
                new TreeMap<>(Map.of(category, price)),
                perks,
                rating,
                reviews,
                new TreeMap<>(Map.of(category, Math.round(price * (0.4 + 0.3 * random.nextDouble())))),
                0,
                null);
    }

    private Customer shopper(int index, int count, int categories, long[] base) {
        String id = Draws.id("customer", index + 1, count);
        SplittableRandom random = Seeds.derive(seed, "generate/retail/" + id);
        int c = random.nextInt(categories);
        String category = category(c);
        TreeSet<String> required = new TreeSet<>();
        if (random.nextDouble() < 0.2) {
            required.add(PERKS[0]);
        }
        TreeMap<String, Long> values =
                new TreeMap<>(Map.of(category, Math.round(base[c] * (1.0 + 0.8 * random.nextDouble()))));
        String request = "Find me a good " + category.toLowerCase(java.util.Locale.ROOT)
                + (required.isEmpty() ? "" : " with free shipping");
        Customer customer = Draws.completed(
                random,
                new Customer(
                        id,
                        "Shopper " + (index + 1),
                        request,
                        new TreeMap<>(Map.of(category, 1)),
                        values,
                        required,
                        0));
        return paraphrase ? paraphrased(customer, RetailParaphrases.pick(random, c), !required.isEmpty()) : customer;
    }

    private static Customer paraphrased(Customer customer, String description, boolean freeShipping) {
        return new Customer(
                customer.id(),
                customer.name(),
                "Looking for " + description + (freeShipping ? ", with free shipping" : ""),
                customer.items(),
                customer.referencePrices(),
                customer.requiredAmenities(),
                customer.budget(),
                customer.timeCostPerHour(),
                customer.persona());
    }
}

package org.mercato.scenarios.generate;

import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.random.Seeds;

/**
 * A seeded restaurant market in the style of Magentic's: a shared list of dishes with base prices;
 * each restaurant carries a third of them at its own markup, has a few amenities, a rating and a
 * review count; each customer wants one or more dishes, values each a little above its base price,
 * and sometimes needs an amenity. Every entity draws from its own stream, so changing the number
 * of customers never changes the restaurants.
 */
public final class RestaurantGenerator implements MarketGenerator {
    static final String[] DISHES = {
        "Carne Asada Tacos",
        "Chicken Enchiladas",
        "Pork Carnitas Burrito",
        "Shrimp Ceviche",
        "Chile Relleno",
        "Beef Barbacoa Bowl",
        "Veggie Quesadilla",
        "Fish Tacos",
        "Tamales Rojos",
        "Pozole Verde",
        "Elote",
        "Guacamole and Chips",
        "Churros",
        "Flan",
        "Horchata",
        "Agua Fresca",
        "Mole Poblano",
        "Chilaquiles",
        "Huevos Rancheros",
        "Sopes",
        "Tostadas",
        "Birria Tacos",
        "Queso Fundido",
        "Nachos",
        "Tortilla Soup",
        "Camarones a la Diabla",
        "Cochinita Pibil",
        "Empanadas",
        "Tres Leches Cake",
        "Margarita Mocktail",
        "Burrito Bowl",
        "Taquitos",
        "Gorditas",
        "Pambazo",
        "Menudo",
        "Carnitas Plate",
        "Al Pastor Tacos",
        "Tlayuda",
        "Esquites",
        "Arroz con Leche",
        "Café de Olla",
        "Champurrado",
        "Mango Salad",
        "Black Bean Soup",
        "Chipotle Wings",
        "Coconut Shrimp",
        "Pumpkin Empanadas",
        "Poblano Tacos",
        "Mushroom Enchiladas",
        "Spinach Quesadilla",
        "Steak Fajitas",
        "Chicken Fajitas",
        "Veggie Fajitas",
        "Salsa Trio",
        "Pico de Gallo",
        "Refried Beans",
        "Mexican Rice",
        "Jalapeño Poppers",
        "Dulce de Leche Ice Cream",
        "Chocolate Mousse"
    };
    static final String[] AMENITIES = {
        "Outdoor Seating", "Takes Reservations", "Free Wifi", "Wheelchair Accessible", "Live Music",
        "Onsite Parking", "Happy Hour", "Children's Menu", "Private Dining", "Large Groups"
    };

    private final long seed;

    public RestaurantGenerator(long seed) {
        this.seed = seed;
    }

    @Override
    public Catalog generate(int customers, int services, int maxItemsPerCustomer) {
        long[] basePrices = basePrices();
        // each entity draws from its own stream, so generating them on several threads, collected in
        // index order, gives the same catalog (a million customers: seconds saved before the run)
        List<Service> serviceList = IntStream.range(0, services)
                .parallel()
                .mapToObj(i -> service(i, services, basePrices))
                .toList();
        List<Customer> customerList = IntStream.range(0, customers)
                .parallel()
                .mapToObj(i -> customer(i, customers, maxItemsPerCustomer, basePrices))
                .toList();
        return new Catalog(serviceList, customerList);
    }

    private long[] basePrices() {
        SplittableRandom random = Seeds.derive(seed, "generate/restaurants/dishes");
        long[] prices = new long[DISHES.length];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = random.nextLong(300, 1800);
        }
        return prices;
    }

    private Service service(int index, int count, long[] basePrices) {
        String id = Draws.id("service", index + 1, count);
        SplittableRandom random = Seeds.derive(seed, "generate/restaurants/" + id);
        TreeMap<String, Long> menu = new TreeMap<>();
        double markup = 0.8 + 0.5 * random.nextDouble();
        for (int d = 0; d < DISHES.length; d++) {
            if (random.nextInt(3) == 0) {
                menu.put(
                        DISHES[d],
                        Math.max(100, Math.round(basePrices[d] * markup * (0.9 + 0.2 * random.nextDouble()))));
            }
        }
        if (menu.isEmpty()) {
            int d = random.nextInt(DISHES.length);
            menu.put(DISHES[d], basePrices[d]);
        }
        TreeSet<String> amenities = Draws.subset(random, AMENITIES, 0.4);
        double rating = Math.round(10 * (1 + 4 * random.nextDouble())) / 10.0;
        int reviews = (int) Math.round(Math.exp(3 + 1.5 * random.nextDouble() * 2));
        String name = "Restaurant " + (index + 1);
        double costShare = 0.25 + 0.2 * random.nextDouble();
        TreeMap<String, Long> costs = new TreeMap<>();
        menu.forEach((dish, price) -> costs.put(dish, Math.round(price * costShare)));
        return new Service(
                id, name, "Mexican kitchen no. " + (index + 1), menu, amenities, rating, reviews, costs, 0, null);
    }

    private Customer customer(int index, int count, int maxItems, long[] basePrices) {
        String id = Draws.id("customer", index + 1, count);
        SplittableRandom random = Seeds.derive(seed, "generate/restaurants/" + id);
        int wanted = 1 + random.nextInt(maxItems);
        TreeMap<String, Integer> items = new TreeMap<>();
        TreeMap<String, Long> values = new TreeMap<>();
        while (items.size() < Math.min(wanted, DISHES.length)) {
            int d = random.nextInt(DISHES.length);
            items.put(DISHES[d], 1);
            values.put(DISHES[d], Math.round(basePrices[d] * (0.9 + 0.5 * random.nextDouble())));
        }
        TreeSet<String> amenities = new TreeSet<>();
        if (random.nextBoolean()) {
            amenities.add(AMENITIES[random.nextInt(AMENITIES.length)]);
        }
        String request = "Looking for " + String.join(" and ", items.keySet())
                + (amenities.isEmpty() ? "" : " at a place with " + amenities.first());
        return Draws.completed(
                random, new Customer(id, "Customer " + (index + 1), request, items, values, amenities, 0));
    }
}

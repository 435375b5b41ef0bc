package org.mercato.scenarios.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.random.Seeds;

/**
 * Home-service contractors in the style of Magentic's contractor datasets: a list of jobs with
 * base prices in the hundreds; each contractor offers about a quarter of them at its own rates and
 * holds a few credentials (licensed, insured, ...); customers need one or two jobs done and often
 * insist on a credential.
 */
public final class ContractorGenerator implements MarketGenerator {
    static final String[] JOBS = {
        "Roof Repair", "Gutter Cleaning", "Drywall Patching", "Interior Painting", "Exterior Painting",
        "Bathroom Remodel", "Kitchen Backsplash", "Deck Staining", "Fence Repair", "Window Replacement",
        "Water Heater Install", "Leak Repair", "Drain Unclogging", "Electrical Panel Upgrade", "Outlet Install",
        "Ceiling Fan Install", "HVAC Tune-Up", "Furnace Repair", "AC Install", "Tile Flooring",
        "Hardwood Refinishing", "Carpet Install", "Lawn Care", "Tree Trimming", "Pressure Washing",
        "Garage Door Repair", "Appliance Install", "Insulation", "Mold Remediation", "Pest Control"
    };
    static final String[] CREDENTIALS = {
        "Licensed",
        "Insured",
        "Free Estimates",
        "Emergency Service",
        "Warranty",
        "Eco-Friendly",
        "Senior Discount",
        "Weekend Availability"
    };

    private final long seed;

    public ContractorGenerator(long seed) {
        this.seed = seed;
    }

    @Override
    public Catalog generate(int customers, int services, int maxItemsPerCustomer) {
        SplittableRandom prices = Seeds.derive(seed, "generate/contractors/jobs");
        long[] base = new long[JOBS.length];
        for (int i = 0; i < base.length; i++) {
            base[i] = prices.nextLong(8_000, 300_000);
        }
        List<Service> serviceList = new ArrayList<>(services);
        for (int i = 0; i < services; i++) {
            serviceList.add(contractor(i, services, base));
        }
        List<Customer> customerList = new ArrayList<>(customers);
        for (int i = 0; i < customers; i++) {
            customerList.add(customer(i, customers, Math.min(maxItemsPerCustomer, 2), base));
        }
        return new Catalog(serviceList, customerList);
    }

    private Service contractor(int index, int count, long[] base) {
        String id = Draws.id("contractor", index + 1, count);
        SplittableRandom random = Seeds.derive(seed, "generate/contractors/" + id);
        double rate = 0.75 + 0.6 * random.nextDouble();
        TreeMap<String, Long> menu = new TreeMap<>();
        TreeMap<String, Long> costs = new TreeMap<>();
        for (int j = 0; j < JOBS.length; j++) {
            if (random.nextInt(4) == 0) {
                long price = Math.round(base[j] * rate * Draws.logNormal(random, 0.1));
                menu.put(JOBS[j], price);
                costs.put(JOBS[j], Math.round(price * (0.5 + 0.2 * random.nextDouble())));
            }
        }
        if (menu.isEmpty()) {
            int j = random.nextInt(JOBS.length);
            menu.put(JOBS[j], base[j]);
        }
        TreeSet<String> credentials = Draws.subset(random, CREDENTIALS, 0.45);
        double rating = Draws.roundTenth(Math.max(1, Math.min(5, 4.2 - Math.abs(random.nextGaussian(0, 0.8)))));
        int reviews = (int) Math.round(Math.exp(random.nextGaussian(3, 1.2)));
        String name = "Contractor " + (index + 1);
        String description =
                "Family-run " + String.join(", ", menu.keySet()).toLowerCase(java.util.Locale.ROOT) + " specialists";
        return new Service(id, name, description, menu, credentials, rating, reviews, costs, 0, null);
    }

    private Customer customer(int index, int count, int maxJobs, long[] base) {
        String id = Draws.id("customer", index + 1, count);
        SplittableRandom random = Seeds.derive(seed, "generate/contractors/" + id);
        int wanted = 1 + random.nextInt(Math.max(1, maxJobs));
        TreeMap<String, Integer> items = new TreeMap<>();
        TreeMap<String, Long> values = new TreeMap<>();
        while (items.size() < wanted) {
            int j = random.nextInt(JOBS.length);
            items.put(JOBS[j], 1);
            values.put(JOBS[j], Math.round(base[j] * (0.9 + 0.6 * random.nextDouble())));
        }
        TreeSet<String> required = new TreeSet<>();
        if (random.nextDouble() < 0.6) {
            required.add(CREDENTIALS[random.nextInt(3)]); // licensed, insured or free estimates
        }
        String request = "I need " + String.join(" and ", items.keySet()).toLowerCase(java.util.Locale.ROOT)
                + (required.isEmpty()
                        ? ""
                        : " from a contractor who is " + required.first().toLowerCase(java.util.Locale.ROOT));
        return Draws.completed(
                random, new Customer(id, "Customer " + (index + 1), request, items, values, required, 0));
    }
}

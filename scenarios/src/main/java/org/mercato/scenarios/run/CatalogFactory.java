package org.mercato.scenarios.run;

import java.lang.ref.SoftReference;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.mercato.scenarios.generate.Generators;
import org.mercato.scenarios.keys.KeyPath;
import org.mercato.scenarios.keys.WiringException;
import org.mercato.scenarios.magentic.MagenticImporter;
import org.mercato.scenarios.model.CustomerConfig;
import org.mercato.scenarios.model.GeneratorConfig;
import org.mercato.scenarios.model.MarketConfig;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.model.ServiceConfig;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Money;
import org.mercato.sim.domain.Service;

/**
 * Builds a scenario's catalog from its source: a seeded generator, listed services and customers,
 * or a Magentic dataset folder.
 */
public final class CatalogFactory {
    /**
     * The last generated catalog and what generated it. Loading a scenario wires it once to check
     * it, and the run that follows wires it again: a million generated customers took seconds each
     * time. A catalog is immutable, so equal generator settings may share it; the soft reference
     * lets the collector take it back when memory runs short.
     */
    private static final AtomicReference<Generated> LAST = new AtomicReference<>();

    private record GeneratedKey(long seed, GeneratorConfig generate) {}

    private record Generated(GeneratedKey key, SoftReference<Catalog> catalog) {}

    private CatalogFactory() {}

    public static Catalog catalog(Scenario scenario) {
        MarketConfig market = scenario.market();
        if (market.generate() != null) {
            GeneratorConfig g = market.generate();
            if (!Generators.domains().contains(g.domain())) {
                throw new WiringException(
                        KeyPath.of("market", "generate", "domain"),
                        "unknown market domain '" + g.domain() + "'; known: " + Generators.domains());
            }
            GeneratedKey key = new GeneratedKey(scenario.seed(), g);
            Generated last = LAST.get();
            Catalog known =
                    last != null && last.key().equals(key) ? last.catalog().get() : null;
            if (known != null) {
                return known;
            }
            Catalog generated = Generators.forDomain(g.domain(), scenario.seed(), g.requestsOrDefault())
                    .generate(g.customers(), g.services(), g.itemsPerCustomer());
            LAST.set(new Generated(key, new SoftReference<>(generated)));
            return generated;
        }
        if (market.magentic() != null) {
            return MagenticImporter.read(Path.of(market.magentic())).catalog();
        }
        List<Service> services = new ArrayList<>();
        for (int i = 0; i < market.services().size(); i++) {
            ServiceConfig s = market.services().get(i);
            KeyPath at = KeyPath.of("market", "services", i);
            TreeMap<String, Long> menu = new TreeMap<>();
            s.menu()
                    .forEach((item, price) -> menu.put(
                            item, cents(at.child("menu").child(item), "price of " + item + " at " + s.id(), price)));
            TreeMap<String, Long> costs = new TreeMap<>();
            s.unitCosts()
                    .forEach((item, cost) -> costs.put(
                            item,
                            cents(at.child("unitCosts").child(item), "unit cost of " + item + " at " + s.id(), cost)));
            services.add(new Service(
                    s.id(),
                    s.name(),
                    s.description(),
                    menu,
                    new TreeSet<>(s.amenities()),
                    s.rating(),
                    s.reviews(),
                    costs,
                    s.capacity(),
                    null));
        }
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < market.customers().size(); i++) {
            CustomerConfig c = market.customers().get(i);
            KeyPath at = KeyPath.of("market", "customers", i);
            TreeMap<String, Long> values = new TreeMap<>();
            c.values()
                    .forEach((item, value) -> values.put(
                            item, cents(at.child("values").child(item), "value of " + item + " for " + c.id(), value)));
            Customer draft = new Customer(
                    c.id(), c.name(), c.request(), new TreeMap<>(c.items()), values, new TreeSet<>(c.amenities()), 0);
            long budget = c.budget() == null
                    ? draft.fulfilledValue()
                    : cents(at.child("budget"), "budget of " + c.id(), c.budget());
            customers.add(new Customer(
                    c.id(), c.name(), draft.request(), draft.items(), values, draft.requiredAmenities(), budget));
        }
        return new Catalog(services, customers);
    }

    /**
     * Whole cents of a money input; a scenario built in code skips the loader's bounds, so they are
     * checked here too.
     */
    private static long cents(KeyPath key, String what, BigDecimal amount) {
        String problem = Money.problem(amount);
        if (problem != null) {
            throw new WiringException(key, what + " " + problem);
        }
        return Money.cents(amount.toPlainString());
    }

    /** What a run should warn about in its catalog: for a Magentic dataset, customers no business can serve. */
    public static List<String> warnings(Scenario scenario, Catalog catalog) {
        return scenario.market().magentic() != null ? MagenticImporter.unservable(catalog) : List.of();
    }
}

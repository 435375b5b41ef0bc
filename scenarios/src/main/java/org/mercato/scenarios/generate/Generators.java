package org.mercato.scenarios.generate;

import java.util.Set;
import java.util.TreeSet;

/** Market generators by domain name. */
public final class Generators {
    private static final Set<String> DOMAINS = new TreeSet<>(Set.of("restaurants", "contractors", "retail"));

    private Generators() {}

    public static Set<String> domains() {
        return DOMAINS;
    }

    public static MarketGenerator forDomain(String domain, long seed) {
        return switch (domain) {
            case "restaurants" -> new RestaurantGenerator(seed);
            case "contractors" -> new ContractorGenerator(seed);
            case "retail" -> new RetailGenerator(seed);
            default -> throw new IllegalArgumentException("unknown market domain '" + domain + "'; known: " + DOMAINS);
        };
    }
}

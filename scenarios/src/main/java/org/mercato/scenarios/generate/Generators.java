package org.mercato.scenarios.generate;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Market generators by domain name. */
public final class Generators {
    private static final Set<String> DOMAINS = new TreeSet<>(Set.of("restaurants", "contractors", "retail"));

    public static final String LITERAL = "literal";
    public static final String PARAPHRASE = "paraphrase";
    /** The kinds of request text, in documentation order. */
    public static final List<String> REQUESTS = List.of(LITERAL, PARAPHRASE);

    private Generators() {}

    public static Set<String> domains() {
        return DOMAINS;
    }

    /** What is wrong with asking {@code requests} of a {@code domain} market, or null if nothing. */
    public static String requestsProblem(String domain, String requests) {
        if (!REQUESTS.contains(requests)) {
            return "must be one of " + String.join(", ", REQUESTS) + ", was '" + requests + "'";
        }
        if (requests.equals(PARAPHRASE) && !domain.equals("retail")) {
            return "paraphrase is written for domain retail only, not " + domain;
        }
        return null;
    }

    public static MarketGenerator forDomain(String domain, long seed) {
        return forDomain(domain, seed, LITERAL);
    }

    /**
     * The generator of a domain whose customers' requests are {@code literal} (they name what they
     * want) or {@code paraphrase} (they describe it without its name; retail only, see {@link
     * RetailParaphrases}).
     */
    public static MarketGenerator forDomain(String domain, long seed, String requests) {
        String problem = requestsProblem(domain, requests);
        if (problem != null) {
            throw new IllegalArgumentException("requests " + problem);
        }
        return switch (domain) {
            case "restaurants" -> new RestaurantGenerator(seed);
            case "contractors" -> new ContractorGenerator(seed);
            case "retail" -> new RetailGenerator(seed, requests.equals(PARAPHRASE));
            default -> throw new IllegalArgumentException("unknown market domain '" + domain + "'; known: " + DOMAINS);
        };
    }
}

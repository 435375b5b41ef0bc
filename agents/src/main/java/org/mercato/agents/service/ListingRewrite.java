package org.mercato.agents.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.mercato.agents.base.InvalidParameterException;
import org.mercato.agents.base.PolicyParams;
import org.mercato.sim.domain.Service;

/**
 * A seller's listing rewrite (ACES's seller agent, behaviourally): match the words buyers use to
 * the service's own menu and put the matches in the description. For each menu item, it counts
 * the buyers' requests that name it (case-insensitive, as a phrase); the items named at least once
 * are appended as {@code "Popular here: A, B, C."}, most requested first (ties by name). The
 * rewrite reads only the requests and the service's own listing, so it is deterministic; it makes
 * the listing say what buyers search for, which a text search (lexical, filtered) rewards. A
 * service whose menu no request names keeps its description.
 */
public final class ListingRewrite {
    /**
     * The scenario names of the rewrites: {@code none}, {@code keywords} (this class) and {@code llm}
     * (a model writes the description: {@code org.mercato.agents.llm.LlmListingRewrite}).
     */
    public static final List<String> MODES = List.of("none", "keywords", "llm");

    private ListingRewrite() {}

    /**
     * A service group's {@code rewrite} parameter ({@code none} when not given), applied to the
     * group's listings when the scenario is wired.
     */
    public static String mode(PolicyParams params) {
        String mode = params.stringValue("rewrite", "none");
        if (!MODES.contains(mode)) {
            throw new InvalidParameterException(
                    params.policy(), "rewrite", "expected one of " + MODES + ", got '" + mode + "'");
        }
        return mode;
    }

    /** The service with its description rewritten for these buyer requests. */
    public static Service keywords(Service service, Collection<String> requests) {
        List<String> popular = popularItems(service, requests);
        if (popular.isEmpty()) {
            return service;
        }
        String added = "Popular here: " + String.join(", ", popular) + ".";
        String description = service.description().isEmpty() ? added : service.description() + " " + added;
        return service.withDescription(description);
    }

    /** The menu items the requests name, most requested first, ties by name. */
    static List<String> popularItems(Service service, Collection<String> requests) {
        List<String> lowered = new ArrayList<>();
        for (String request : requests) {
            lowered.add(request.toLowerCase(Locale.ROOT));
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (String item : service.menu().keySet()) {
            String needle = item.toLowerCase(Locale.ROOT);
            int count = 0;
            for (String request : lowered) {
                if (request.contains(needle)) {
                    count++;
                }
            }
            if (count > 0) {
                counts.put(item, count);
            }
        }
        List<String> items = new ArrayList<>(counts.keySet());
        items.sort((a, b) -> Integer.compare(counts.get(b), counts.get(a)));
        return items;
    }
}

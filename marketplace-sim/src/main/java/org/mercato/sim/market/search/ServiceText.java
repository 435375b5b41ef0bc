package org.mercato.sim.market.search;

import org.mercato.sim.domain.Service;

/** The text a semantic mechanism embeds for a service. */
final class ServiceText {
    private ServiceText() {}

    /**
     * The name, the description and the item names (in menu order, comma-separated), one per line;
     * an empty description leaves an empty line. Ratings, prices and amenities are not part of it,
     * so re-listing keeps the text and its vector.
     */
    static String of(Service service) {
        return service.name() + "\n" + service.description() + "\n"
                + String.join(", ", service.menu().keySet());
    }
}

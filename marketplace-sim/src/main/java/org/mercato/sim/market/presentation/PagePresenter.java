package org.mercato.sim.market.presentation;

import java.util.List;
import java.util.Objects;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Service;
import org.mercato.sim.protocol.ListingView;

/**
 * Turns a ranked page of services into what the assistant sees: one {@link ListingView} per
 * listing, in reading order, with its cell, the values shown and its badges. The market calls it
 * on its own thread in the kernel's order; an implementation that randomizes must draw only from
 * streams derived with {@code Seeds.derive(seed, stableKey)}.
 */
public interface PagePresenter {
    /** The listings as shown, in reading order (row by row), each with the price factor it was drawn. */
    List<Placement> present(Page page);

    /** Whether every listing shown is to be logged as an {@code impression} event. */
    boolean logsImpressions();

    /** An independent copy that will present the next pages exactly as this one would. */
    PagePresenter fork();

    /** The presenter for these settings; its random streams derive from {@code seed}. */
    static PagePresenter of(PresentationSettings settings, long seed) {
        return new RandomizedPresenter(settings, seed);
    }

    /** Today's page: ranked order, true values, no badges, no impressions. */
    static PagePresenter plainList() {
        return of(PresentationSettings.DEFAULT, 0);
    }

    /**
     * One page to present: who searched, the page's services in rank order, the rank of the first
     * (counting from 1 across pages) and whether menu prices are shown.
     */
    record Page(Customer searcher, List<Service> services, int firstRank, boolean revealPrices) {
        public Page {
            Objects.requireNonNull(searcher, "searcher");
            services = List.copyOf(services);
            if (firstRank < 1) {
                throw new IllegalArgumentException("firstRank must be >= 1, was " + firstRank);
            }
        }
    }

    /**
     * A listing as shown, with the factor its menu prices were multiplied by (1 when prices were
     * not randomized). The factor is for the event log only; the assistant sees {@code view}.
     */
    record Placement(ListingView view, double priceFactor) {
        public Placement {
            Objects.requireNonNull(view, "view");
        }
    }
}

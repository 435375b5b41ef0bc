package org.mercato.agents.service;

import org.mercato.agents.Tactic;

/**
 * Prices every item at its unit cost times {@code 1 + markup}, rounded to the cent, whatever the
 * menu posts; an item without a unit cost in the catalog is sold at its posted price.
 */
public final class CostPlusService extends PricingService {
    private final double markup;

    public CostPlusService(double markup, long validity, Tactic tactic) {
        super(validity, tactic);
        this.markup = markup;
    }

    @Override
    long unitPrice(String item, long posted) {
        if (!service().unitCosts().containsKey(item)) {
            return posted;
        }
        return Math.round(service().unitCost(item) * (1 + markup));
    }
}

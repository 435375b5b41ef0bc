package org.mercato.agents.service;

import java.util.List;
import org.mercato.agents.base.PolicyEntry;
import org.mercato.agents.base.Tactic;
import org.mercato.sim.policy.ServicePolicy;

/**
 * Prices every item at its unit cost times {@code 1 + markup}, rounded to the cent, whatever the
 * menu posts; an item without a unit cost in the catalog is sold at its posted price.
 */
public final class CostPlusService extends PricingService {
    /** How the registry knows this policy: its name, parameters and their parsing. */
    public static final PolicyEntry<ServicePolicy> ENTRY =
            PolicyEntry.behavioural("cost-plus", List.of("markup", "validity", "tactic"), params -> {
                double markup = params.doubleAtLeast("markup", 0.3, -1);
                long validity = validity(params);
                Tactic tactic = Tactic.from(params);
                return () -> new CostPlusService(markup, validity, tactic);
            });

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

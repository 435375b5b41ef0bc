package org.mercato.agents.service;

import java.util.List;
import org.mercato.agents.base.PolicyEntry;
import org.mercato.agents.base.Tactic;
import org.mercato.sim.policy.ServicePolicy;

/**
 * Sells at its menu's posted prices. An inquiry naming items gets a proposal for the items on the
 * menu, valid for {@code validity}; an inquiry for nothing it carries, or a plain question, gets
 * a text reply. How fast it answers is its think time.
 */
public final class PostedPriceService extends PricingService {
    /** How the registry knows this policy: its name, parameters and their parsing. */
    public static final PolicyEntry<ServicePolicy> ENTRY =
            PolicyEntry.behavioural("posted-price", List.of("validity", "tactic", "rewrite"), params -> {
                ListingRewrite.mode(params);
                long validity = validity(params);
                Tactic tactic = Tactic.from(params);
                return () -> new PostedPriceService(validity, tactic);
            });

    public PostedPriceService(long validity) {
        this(validity, Tactic.CONTROL);
    }

    public PostedPriceService(long validity, Tactic tactic) {
        super(validity, tactic);
    }

    @Override
    long unitPrice(String item, long posted) {
        return posted;
    }
}

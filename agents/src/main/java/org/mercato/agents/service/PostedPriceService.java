package org.mercato.agents.service;

import org.mercato.agents.Tactic;

/**
 * Sells at its menu's posted prices. An inquiry naming items gets a proposal for the items on the
 * menu, valid for {@code validity}; an inquiry for nothing it carries, or a plain question, gets
 * a text reply. How fast it answers is its think time.
 */
public final class PostedPriceService extends PricingService {
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

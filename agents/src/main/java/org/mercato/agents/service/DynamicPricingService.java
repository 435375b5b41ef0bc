package org.mercato.agents.service;

import org.mercato.agents.Tactic;
import org.mercato.sim.protocol.PaymentSettled;
import org.mercato.sim.protocol.ProposalDeclined;

/**
 * Demand-driven pricing: every item sells at its posted price times a factor that starts at 1,
 * is multiplied by {@code 1 + up} after each sale and by {@code 1 - down} after each declined
 * proposal, and is kept within {@code [min, max]}. Proposals already made keep their prices.
 */
public final class DynamicPricingService extends PricingService {
    private final double up;
    private final double down;
    private final double min;
    private final double max;
    private double factor = 1;

    public DynamicPricingService(double up, double down, double min, double max, long validity, Tactic tactic) {
        super(validity, tactic);
        if (min > 1 || max < 1) {
            throw new IllegalArgumentException("bounds must satisfy min <= 1 <= max, were " + min + " and " + max);
        }
        this.up = up;
        this.down = down;
        this.min = min;
        this.max = max;
    }

    /** The current multiplier on posted prices. */
    public double factor() {
        return factor;
    }

    @Override
    long unitPrice(String item, long posted) {
        return Math.round(posted * factor);
    }

    @Override
    void onSale(PaymentSettled settled) {
        factor = Math.min(max, factor * (1 + up));
    }

    @Override
    void onDecline(ProposalDeclined declined) {
        factor = Math.max(min, factor * (1 - down));
    }
}

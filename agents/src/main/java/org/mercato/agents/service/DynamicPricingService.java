package org.mercato.agents.service;

import java.util.List;
import org.mercato.agents.base.InvalidParameterException;
import org.mercato.agents.base.PolicyEntry;
import org.mercato.agents.base.Tactic;
import org.mercato.sim.policy.ServicePolicy;
import org.mercato.sim.protocol.PaymentSettled;
import org.mercato.sim.protocol.ProposalDeclined;

/**
 * Demand-driven pricing: every item sells at its posted price times a factor that starts at 1,
 * is multiplied by {@code 1 + up} after each sale and by {@code 1 - down} after each declined
 * proposal, and is kept within {@code [min, max]}. Proposals already made keep their prices.
 */
public final class DynamicPricingService extends PricingService {
    /** How the registry knows this policy: its name, parameters and their parsing. */
    public static final PolicyEntry<ServicePolicy> ENTRY =
            PolicyEntry.behavioural("dynamic", List.of("up", "down", "min", "max", "validity", "tactic"), params -> {
                double up = params.doubleAtLeast("up", 0.05, 0);
                double down = params.doubleAtLeast("down", 0.05, 0);
                if (down >= 1) {
                    throw new InvalidParameterException("dynamic", "down", "expected a number below 1, got " + down);
                }
                double min = params.doubleAtLeast("min", 0.5, 0);
                if (min > 1) {
                    throw new InvalidParameterException("dynamic", "min", "expected a number <= 1, got " + min);
                }
                double max = params.doubleAtLeast("max", 2.0, 1);
                long validity = validity(params);
                Tactic tactic = Tactic.from(params);
                return () -> new DynamicPricingService(up, down, min, max, validity, tactic);
            });

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

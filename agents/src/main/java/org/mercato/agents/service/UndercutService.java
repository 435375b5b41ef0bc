package org.mercato.agents.service;

import java.util.List;
import org.mercato.agents.base.InvalidParameterException;
import org.mercato.agents.base.PolicyEntry;
import org.mercato.agents.base.Tactic;
import org.mercato.sim.policy.ServicePolicy;
import org.mercato.sim.protocol.ProposalDeclined;

/**
 * Undercuts when it loses. A service sees its rivals only through what the market shows it, which
 * is nothing, so it cannot undercut a rival's price; a declined proposal is its signal that some
 * rival won. After each one it cuts its prices by {@code step} (a multiplier of {@code 1 - step}
 * on posted prices), never below {@code floor} times the posted price nor below the unit cost. It
 * never raises them again.
 */
public final class UndercutService extends PricingService {
    /** How the registry knows this policy: its name, parameters and their parsing. */
    public static final PolicyEntry<ServicePolicy> ENTRY =
            PolicyEntry.behavioural("undercut", List.of("step", "floor", "validity", "tactic"), params -> {
                double step = params.doubleAtLeast("step", 0.05, 0);
                if (step >= 1) {
                    throw new InvalidParameterException("undercut", "step", "expected a number below 1, got " + step);
                }
                double floor = params.doubleAtLeast("floor", 0.5, 0);
                long validity = validity(params);
                Tactic tactic = Tactic.from(params);
                return () -> new UndercutService(step, floor, validity, tactic);
            });

    private final double step;
    private final double floor;
    private double factor = 1;

    public UndercutService(double step, double floor, long validity, Tactic tactic) {
        super(validity, tactic);
        this.step = step;
        this.floor = floor;
    }

    @Override
    long unitPrice(String item, long posted) {
        return Math.max(Math.min(posted, service().unitCost(item)), Math.round(posted * factor));
    }

    @Override
    void onDecline(ProposalDeclined declined) {
        factor = Math.max(floor, factor * (1 - step));
    }
}

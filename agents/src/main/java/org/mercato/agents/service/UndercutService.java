package org.mercato.agents.service;

import org.mercato.agents.Tactic;
import org.mercato.sim.protocol.ProposalDeclined;

/**
 * Undercuts when it loses. A service sees its rivals only through what the market shows it, which
 * is nothing, so it cannot undercut a rival's price; a declined proposal is its signal that some
 * rival won. After each one it cuts its prices by {@code step} (a multiplier of {@code 1 - step}
 * on posted prices), never below {@code floor} times the posted price nor below the unit cost. It
 * never raises them again.
 */
public final class UndercutService extends PricingService {
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

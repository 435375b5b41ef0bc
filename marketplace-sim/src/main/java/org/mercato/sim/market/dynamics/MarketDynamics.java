package org.mercato.sim.market.dynamics;

import java.util.Arrays;

/**
 * How a market changes over virtual time (microseconds). Null on a setup means today's market:
 * everyone arrives at 0, visits once, ratings and stock never change.
 *
 * @param arrivals first-visit time of each customer in catalog order, or null for all at 0
 * @param period length of a period (0: no periods)
 * @param horizon end of the market (also the kernel's horizon); 0 for none
 * @param returns return visits after a customer's visit ends, or null for one visit each
 * @param deliveryDelay time from payment to delivery (>= 0)
 * @param quality the true quality each service delivers over time (null: 1.0 everywhere)
 * @param reviews reviews and displayed reputation, or null for none
 * @param restock stock refills, or null for stock that never refills
 * @param repricing sellers that set their posted prices each period (needs periods), or null for
 *     prices that never change
 */
public record MarketDynamics(
        long[] arrivals,
        long period,
        long horizon,
        Returns returns,
        long deliveryDelay,
        ServiceQuality quality,
        Reviews reviews,
        Restock restock,
        Repricing repricing) {

    public MarketDynamics {
        arrivals = arrivals == null ? null : arrivals.clone();
        if (arrivals != null) {
            for (long t : arrivals) {
                if (t < 0) {
                    throw new IllegalArgumentException("arrival times must be >= 0, was " + t);
                }
            }
        }
        if (period < 0) {
            throw new IllegalArgumentException("period must be >= 0, was " + period);
        }
        if (horizon < 0) {
            throw new IllegalArgumentException("horizon must be >= 0, was " + horizon);
        }
        if (deliveryDelay < 0) {
            throw new IllegalArgumentException("delivery delay must be >= 0, was " + deliveryDelay);
        }
        quality = quality == null ? ServiceQuality.FULL : quality;
        if (horizon == 0 && (period > 0 || returns != null || restock != null)) {
            throw new IllegalArgumentException("periods, return visits and restocking need a horizon");
        }
        if (restock != null && restock.every() == 0 && period == 0) {
            throw new IllegalArgumentException("restocking needs an interval or periods");
        }
        if (repricing != null && period == 0) {
            throw new IllegalArgumentException("repricing sellers need periods");
        }
    }

    /** The arrival time of a customer's first visit. */
    public long arrival(int customer) {
        return arrivals == null ? 0 : arrivals[customer];
    }

    /** A copy of the arrival times, or null when everyone arrives at 0. */
    @Override
    public long[] arrivals() {
        return arrivals == null ? null : arrivals.clone();
    }

    /** Whether a time is before the horizon (always, without one). */
    public boolean beforeHorizon(long t) {
        return horizon == 0 || t < horizon;
    }

    /** How often stock refills: the restock rule's own interval, else the period; 0 for never. */
    public long restockEvery() {
        if (restock == null) {
            return 0;
        }
        return restock.every() > 0 ? restock.every() : period;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MarketDynamics d
                && Arrays.equals(arrivals, d.arrivals)
                && period == d.period
                && horizon == d.horizon
                && java.util.Objects.equals(returns, d.returns)
                && deliveryDelay == d.deliveryDelay
                && quality.equals(d.quality)
                && java.util.Objects.equals(reviews, d.reviews)
                && java.util.Objects.equals(restock, d.restock)
                && java.util.Objects.equals(repricing, d.repricing);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(
                Arrays.hashCode(arrivals),
                period,
                horizon,
                returns,
                deliveryDelay,
                quality,
                reviews,
                restock,
                repricing);
    }

    @Override
    public String toString() {
        return "MarketDynamics[arrivals=" + (arrivals == null ? "null" : arrivals.length + " times") + ", period="
                + period + ", horizon=" + horizon + ", returns=" + returns + ", deliveryDelay=" + deliveryDelay
                + ", quality=" + quality + ", reviews=" + reviews + ", restock=" + restock + ", repricing=" + repricing
                + "]";
    }
}

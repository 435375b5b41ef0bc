package org.mercato.sim.market.dynamics;

import org.mercato.sim.events.EventRecorder;

/**
 * Sellers that set their posted prices each period (learning sellers facing the market's own
 * shoppers). Firm i is the catalog's service i; a price is one unit price in cents that the market
 * posts on every item of that service's menu. Called only on the market's thread, in the kernel's
 * order: {@link #open} once at time 0, then {@link #next} at each period boundary.
 */
public interface Repricing {
    /** How many firms set prices (the catalog must have as many services). */
    int firms();

    /**
     * At time 0, before period 0: the prices in effect during period 0, one per firm. May write
     * events at time 0 (such as the pricing benchmark) through {@code log}.
     */
    long[] open(EventRecorder log);

    /**
     * Period {@code ended} is over: {@code shoppers} visits started in it, and each firm sold {@code
     * sales} units for {@code profits} cents (revenue minus unit costs) over the payments settled in
     * it. The firms learn from it, then choose the prices in effect during the next period, which
     * this returns (one per firm, in cents).
     */
    long[] next(long ended, long shoppers, long[] sales, long[] profits);
}

package org.mercato.sim.market.dynamics;

/** When displayed ratings take in new reviews. */
public enum Refresh {
    /** At the start of each period (the default). */
    PERIOD,
    /** As soon as a review is written. */
    IMMEDIATE
}

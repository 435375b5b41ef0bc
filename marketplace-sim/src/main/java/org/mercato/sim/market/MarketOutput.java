package org.mercato.sim.market;

import org.mercato.sim.events.Event;
import org.mercato.sim.kernel.Scheduled;
import org.mercato.sim.protocol.Observation;

/** Where the market puts what an action causes: log entries, deliveries and timers. */
public interface MarketOutput {
    /** Records an event and returns its global sequence number (its {@code seq} in the log). */
    long record(long time, Event event);

    void deliver(int agent, long time, Observation observation);

    /** Schedules a wake-up or a market timer at or after the time of the item being applied. */
    void schedule(Scheduled item);
}

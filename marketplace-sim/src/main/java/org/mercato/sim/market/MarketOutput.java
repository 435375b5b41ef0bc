package org.mercato.sim.market;

import org.mercato.sim.events.EventRecorder;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.schedule.Scheduled;

/** Where the market puts what an action causes: log entries, deliveries and timers. */
public interface MarketOutput extends EventRecorder {
    void deliver(int agent, long time, Observation observation);

    /** Schedules a wake-up or a market timer at or after the time of the item being applied. */
    void schedule(Scheduled item);
}

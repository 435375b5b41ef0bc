package org.mercato.sim.market;

import org.mercato.sim.events.Event;
import org.mercato.sim.kernel.Scheduled;
import org.mercato.sim.protocol.Observation;

/** Where the market puts what an action causes: log entries, deliveries and timers. */
public interface MarketOutput {
    void record(long time, Event event);

    void deliver(int agent, long time, Observation observation);

    void schedule(Scheduled wake);
}

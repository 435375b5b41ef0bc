package org.mercato.sim.kernel;

import org.mercato.sim.events.Event;
import org.mercato.sim.market.Market;
import org.mercato.sim.market.MarketOutput;
import org.mercato.sim.protocol.Observation;

/**
 * What the queued items would deliver if nothing else came first: they are applied in order to a
 * {@link Market#fork() forked market}, and the first delivery to each agent is kept. Events and
 * timers of the fork are dropped. An agent whose first delivery cannot be told (a search the
 * mechanism cannot preview) gets none.
 */
final class ExpectedDeliveries implements MarketOutput {
    private final Delivery[] first;
    private final boolean[] blind;

    private ExpectedDeliveries(int agents) {
        this.first = new Delivery[agents];
        this.blind = new boolean[agents];
    }

    /** Applies up to {@code limit} items of {@code queue} (not beyond {@code horizon}) to {@code fork}. */
    static ExpectedDeliveries of(Market fork, ScheduleQueue queue, long horizon, int limit, int agents) {
        ExpectedDeliveries expected = new ExpectedDeliveries(agents);
        ScheduleQueue ahead = queue.copy();
        for (int n = 0; n < limit && !ahead.isEmpty() && ahead.peekTime() <= horizon; n++) {
            Scheduled item = ahead.poll();
            try {
                fork.apply(item, expected);
            } catch (Market.CannotPredict e) {
                if (expected.first[item.agent()] == null) {
                    expected.blind[item.agent()] = true;
                }
            }
        }
        return expected;
    }

    /** The first delivery {@code agent} would get, or null. */
    Delivery firstFor(int agent) {
        return first[agent];
    }

    @Override
    public long record(long time, Event event) {
        return 0;
    }

    @Override
    public void deliver(int agent, long time, Observation observation) {
        if (first[agent] == null && !blind[agent]) {
            first[agent] = new Delivery(time, observation);
        }
    }

    @Override
    public void schedule(Scheduled item) {}
}

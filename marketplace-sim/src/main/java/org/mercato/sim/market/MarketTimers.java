package org.mercato.sim.market;

import org.mercato.sim.schedule.Scheduled;

/**
 * Numbers the market's own timers: one counter for every purpose, so two timers never share a
 * (time, agent, seq) key and, at one time and agent, fire in the order they were set.
 */
final class MarketTimers {
    private long count;

    Scheduled.MarketTimerAt at(long time, int agent, Scheduled.TimerPurpose purpose) {
        if (count > Scheduled.MAX_SEQ - Scheduled.MARKET_SEQ_BASE) {
            throw new IllegalStateException("too many market timers");
        }
        return new Scheduled.MarketTimerAt(time, agent, Scheduled.MARKET_SEQ_BASE + count++, purpose);
    }
}

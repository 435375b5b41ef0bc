package org.mercato.sim.schedule;

import java.util.Comparator;
import org.mercato.sim.protocol.Action;

/**
 * Something the kernel will apply at a virtual time: an agent's action, a wake-up it asked for, or
 * a timer the market set for itself on an agent's behalf. The total order (time, agent, seq) is the
 * kernel's ordering rule; seq is per agent and split in two ranges: the agent's own items (actions
 * and wake-ups) below {@link #MARKET_SEQ_BASE}, the market's timers for that agent at or above it.
 * So at one time and agent the agent's own items come first, then the market's timers in the order
 * they were set.
 */
public sealed interface Scheduled {
    /** The first sequence number of the market's timers; an agent's own items stay below it. */
    long MARKET_SEQ_BASE = 1L << 31;

    /** The largest sequence number the ordering key can hold. */
    long MAX_SEQ = 0xffffffffL;

    Comparator<Scheduled> ORDER = (a, b) -> {
        int byTime = Long.compare(a.time(), b.time());
        if (byTime != 0) {
            return byTime;
        }
        int byAgent = Integer.compare(a.agent(), b.agent());
        return byAgent != 0 ? byAgent : Long.compare(a.seq(), b.seq());
    };

    long time();

    int agent();

    long seq();

    record ActionAt(long time, int agent, long seq, Action action) implements Scheduled {}

    record WakeAt(long time, int agent, long seq) implements Scheduled {}

    /**
     * A timer the market set for itself, filed under the agent it concerns (for example the customer
     * whose held proposals it releases). {@code seq} is {@link #MARKET_SEQ_BASE} plus the market's
     * own timer counter; {@code purpose} tells the market what to do when it fires.
     */
    record MarketTimerAt(long time, int agent, long seq, TimerPurpose purpose) implements Scheduled {}

    /** What a market timer is for. */
    enum TimerPurpose {
        /** Release the proposals held back from the agent's customer (see the market's reveal policy). */
        REVEAL_PROPOSALS,
        /** A customer's visit starts (filed under that customer). */
        ARRIVAL,
        /** A period starts (market-wide: filed under agent 0). */
        PERIOD,
        /** A paid order is delivered (filed under its customer). */
        DELIVERY,
        /** Stock refills (market-wide: agent 0). */
        RESTOCK,
        /** Some service's true quality changes (market-wide: agent 0). */
        QUALITY_CHANGE,
        /** A seller's fake review is posted (market-wide: agent 0). */
        FAKE_REVIEW
    }
}

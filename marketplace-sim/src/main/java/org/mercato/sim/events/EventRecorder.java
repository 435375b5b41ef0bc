package org.mercato.sim.events;

/** Where a market rule writes an event to the run's log. */
public interface EventRecorder {
    /** Records an event and returns its global sequence number (its {@code seq} in the log). */
    long record(long time, Event event);
}

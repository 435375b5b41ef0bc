package org.mercato.sim.kernel;

/**
 * What a kernel run did: its lookahead, windows, events logged, deliveries to agents, items
 * applied, the last virtual time reached, and how many scheduled items the horizon cut off.
 */
public record KernelStats(
        long lookahead, long windows, long events, long deliveries, long applied, long virtualTime, long cutAtHorizon) {
    public double eventsPerWindow() {
        return windows == 0 ? 0 : (double) events / windows;
    }
}

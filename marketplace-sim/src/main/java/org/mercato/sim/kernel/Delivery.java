package org.mercato.sim.kernel;

import org.mercato.sim.protocol.Observation;

/**
 * An observation handed to an agent at a virtual time. {@code seq} is the {@code seq} of the newest
 * event in the log when the market handed it over (the event that caused it, or the last one that
 * event's rule recorded), -1 before any event and for guessed deliveries; it changes no outcome and
 * only tells a policy where in the log its observation comes from ({@link
 * org.mercato.sim.policy.AgentContext#seq()}).
 */
public record Delivery(long time, Observation observation, long seq) {
    /** A delivery not tied to the log (seq -1). */
    public Delivery(long time, Observation observation) {
        this(time, observation, -1);
    }
}

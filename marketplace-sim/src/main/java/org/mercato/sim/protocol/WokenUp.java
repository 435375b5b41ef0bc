package org.mercato.sim.protocol;

/** The wake-up an agent asked for with {@link Wait}. */
public record WokenUp(long at) implements Observation {}

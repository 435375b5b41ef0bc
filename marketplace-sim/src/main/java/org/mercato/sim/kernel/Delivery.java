package org.mercato.sim.kernel;

import org.mercato.sim.protocol.Observation;

/** An observation handed to an agent at a virtual time. */
public record Delivery(long time, Observation observation) {}

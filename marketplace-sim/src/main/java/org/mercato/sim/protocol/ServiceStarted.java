package org.mercato.sim.protocol;

import org.mercato.sim.domain.Service;

/** The first observation of a service: the business it sells for. */
public record ServiceStarted(Service service) implements Observation {}

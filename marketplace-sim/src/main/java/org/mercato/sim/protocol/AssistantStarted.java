package org.mercato.sim.protocol;

import org.mercato.sim.domain.Customer;

/** The first observation of an assistant: whom it shops for. */
public record AssistantStarted(Customer customer) implements Observation {}

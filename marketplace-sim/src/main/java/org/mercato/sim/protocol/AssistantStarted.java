package org.mercato.sim.protocol;

import org.mercato.sim.domain.Customer;

/**
 * The start of one of an assistant's visits: whom it shops for, and which visit this is (0 the
 * first; a market with return visits starts the same customer again with 1, 2, ...).
 */
public record AssistantStarted(Customer customer, int visit) implements Observation {
    public AssistantStarted {
        if (visit < 0) {
            throw new IllegalArgumentException("visit must be >= 0, was " + visit);
        }
    }

    /** The first visit. */
    public AssistantStarted(Customer customer) {
        this(customer, 0);
    }
}

package org.mercato.sim.protocol;

/**
 * A paid order was delivered at the service's true {@code quality} (in [0, 1], 1 = as listed); told
 * to the customer even after its visit is over (a policy that is done returns no actions for it).
 * Only markets with a delivery model send it.
 */
public record OrderDelivered(String proposal, String service, double quality) implements Observation {}

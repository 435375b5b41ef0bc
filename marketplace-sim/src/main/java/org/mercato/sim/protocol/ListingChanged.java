package org.mercato.sim.protocol;

import org.mercato.sim.domain.Service;

/**
 * The market re-listed a service at new posted prices (a repricing seller's new menu, at a period
 * boundary): {@code service} is the listing as shown from now on. Sent only to that service.
 */
public record ListingChanged(Service service) implements Observation {}

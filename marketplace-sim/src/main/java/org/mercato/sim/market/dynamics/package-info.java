/**
 * Markets that live over time: customer arrivals and return visits, periods up to a horizon,
 * delivery delays, the true quality services deliver, reviews and the displayed reputation they
 * aggregate to (with fake reviews and a platform filter), and restocking.
 */
package org.mercato.sim.market.dynamics;

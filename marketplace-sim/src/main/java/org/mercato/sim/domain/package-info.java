/**
 * The catalog as immutable records: services, customers, order lines, money in long cents and the
 * Magentic utility of a purchase.
 */
package org.mercato.sim.domain;

/**
 * Search: the {@code SearchMechanism} SPI, the built-in mechanisms by name, and the cache of their
 * rankings per market version.
 */
package org.mercato.sim.market.search;

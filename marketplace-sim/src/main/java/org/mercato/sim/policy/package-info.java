/**
 * The agent SPI: the assistant and service policies the kernel calls and the context they see,
 * with no Pekko types.
 */
package org.mercato.sim.policy;

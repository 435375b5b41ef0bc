/**
 * The discrete-event kernel: orders every agent's actions in virtual time, applies them to the
 * market one at a time and runs agents in parallel (Pekko actors or an inline loop) without
 * changing the order.
 */
package org.mercato.sim.kernel;

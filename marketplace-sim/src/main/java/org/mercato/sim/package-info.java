/**
 * The simulation as a library: {@code Simulation} wires a market, its agents and a kernel from a
 * {@code SimulationSetup}, with the kernel tuned by {@code KernelSettings}.
 */
package org.mercato.sim;

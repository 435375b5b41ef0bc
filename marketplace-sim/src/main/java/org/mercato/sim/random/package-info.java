/**
 * Deterministic randomness: an independent stream per (master seed, stable key) and the draws
 * built on it, shared by the kernel, the market and the generators.
 */
package org.mercato.sim.random;

/**
 * Repeated pricing: Calvano et al.'s logit stage game, its one-shot Bertrand-Nash and
 * joint-monopoly benchmarks, price grids, the pricing-policy SPI with Q-learning, bandit,
 * best-response and fixed-markup policies, and the analytic engine that runs learning episodes.
 */
package org.mercato.sim.pricing;

/** Metrics of markets that live over time: the per-period series of {@code summary.json}'s {@code periods}. */
package org.mercato.metrics.dynamics;

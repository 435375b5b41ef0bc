/**
 * Welfare baselines computed from a catalog and a seed alone (Magentic's optimal, cheapest and
 * random ones).
 */
package org.mercato.metrics.baselines;

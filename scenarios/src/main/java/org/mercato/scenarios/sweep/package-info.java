/**
 * Sweeps: a design of conditions and replications over a base scenario ({@link
 * org.mercato.scenarios.sweep.SweepPlan}), run locally or on a cluster, stored in {@code sweep.duckdb}
 * and analysed per condition (means with intervals, {@code sweep-report.html}).
 */
package org.mercato.scenarios.sweep;

/**
 * Sweeps over a Pekko cluster: a coordinator singleton hands cells to workers on other hosts,
 * stores each result once through the sweep's single writer, and survives workers that leave.
 */
package org.mercato.scenarios.sweep.cluster;

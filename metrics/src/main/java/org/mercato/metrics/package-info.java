/**
 * The run's metrics as folds over its events (welfare, activity, failures), their collector and
 * summary, and the capacitated optimum.
 */
package org.mercato.metrics;

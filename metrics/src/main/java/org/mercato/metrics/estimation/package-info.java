/**
 * Estimators behind the bias metrics: the conditional logit with its standard errors and its
 * separation and identification checks; a sample mean's t interval ({@link
 * org.mercato.metrics.estimation.Interval}), shared by the sweep's tables and the pricing block.
 */
package org.mercato.metrics.estimation;

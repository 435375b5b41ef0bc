/**
 * Estimators behind the bias metrics: the conditional logit with its standard errors and its
 * separation and identification checks.
 */
package org.mercato.metrics.estimation;

/**
 * Metrics during a run: the metrics actor and the kernel-side sink that feeds it whole windows of
 * events.
 */
package org.mercato.metrics.live;

/**
 * Metrics of strategy auctions: wins and shares by bidder class, success rate and cost, by
 * difficulty and by phase of the run.
 */
package org.mercato.metrics.strategyauction;

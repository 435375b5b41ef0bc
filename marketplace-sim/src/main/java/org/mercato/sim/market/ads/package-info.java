/**
 * Sponsored slots: the auction mechanisms (first price, second price, GSP, VCG) as pure functions
 * of bids and rules, the bidder SPI, and the market's ad state (budgets, quality, charges).
 */
package org.mercato.sim.market.ads;

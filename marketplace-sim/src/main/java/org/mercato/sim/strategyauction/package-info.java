/**
 * Strategy auctions (SALE): tasks, plan bids and their scores, the bidder and jury SPIs, the
 * shared auction memory, and the auction run in virtual time.
 */
package org.mercato.sim.strategyauction;

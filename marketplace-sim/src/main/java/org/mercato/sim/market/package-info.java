/**
 * The market's rules and state: searches, conversations, proposals, payments and declines under
 * the ledger invariants, and the reveal policy that holds proposals back.
 */
package org.mercato.sim.market;

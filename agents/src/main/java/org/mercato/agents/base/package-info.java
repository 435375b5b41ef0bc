/**
 * What every policy shares and nothing else: its parameters as a scenario gives them ({@link
 * org.mercato.agents.base.PolicyParams}), the entry by which the registry knows it, the manipulation
 * tactics services add to their text, and the counter-offer syntax of negotiating buyers and sellers.
 * Depends on no other agents package.
 */
package org.mercato.agents.base;

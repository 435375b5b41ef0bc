/**
 * Behavioural selling policies (posted price, cost-plus, undercut, dynamic pricing, negotiable),
 * each declaring its registry entry and parsing its own parameters, and the keyword listing rewrite
 * of ACES's seller agent.
 */
package org.mercato.agents.service;

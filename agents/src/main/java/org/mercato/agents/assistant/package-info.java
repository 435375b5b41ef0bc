/**
 * Behavioural buying policies (rational, satisficer, budgeted, logit, attention-bounded,
 * susceptible, negotiator): plain Java rules, fast and reproducible. Each class declares its
 * registry entry and parses its own parameters. {@link org.mercato.agents.assistant.SellerMemory}
 * is what a returning shopper with {@code memory} remembers of its sellers.
 */
package org.mercato.agents.assistant;

/**
 * Behavioural buying policies (rational, satisficer, budgeted, logit, attention-bounded,
 * susceptible, negotiator): plain Java rules, fast and reproducible. Each class declares its
 * registry entry and parses its own parameters.
 */
package org.mercato.agents.assistant;

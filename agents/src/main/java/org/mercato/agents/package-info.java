/**
 * The policy registry: built-in policies by name ({@link org.mercato.agents.PolicyRegistry}, a list of
 * the policies' own entries), policies named by class or found as {@link
 * org.mercato.agents.PolicyProvider} plugins, and {@link org.mercato.agents.SyntheticWork}, which adds
 * CPU work to any policy. The top of the agents module: it may use every package below it.
 */
package org.mercato.agents;

/** Pricing policies for the repeated pricing game ({@code org.mercato.sim.pricing}) that need the agents' layers: the LLM pricer. */
package org.mercato.agents.pricing;

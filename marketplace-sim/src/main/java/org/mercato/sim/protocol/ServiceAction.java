package org.mercato.sim.protocol;

/** The actions open to a service (a business's selling agent). */
public sealed interface ServiceAction extends Action permits Reply, Propose, Wait {}

package org.mercato.sim.protocol;

/** A proposal addressed to this assistant. */
public record ProposalReceived(Proposal proposal) implements Observation {}

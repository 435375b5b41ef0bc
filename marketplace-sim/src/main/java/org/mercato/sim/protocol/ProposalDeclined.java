package org.mercato.sim.protocol;

/** The customer turned this service's proposal down. */
public record ProposalDeclined(String proposalId, String customer) implements Observation {}

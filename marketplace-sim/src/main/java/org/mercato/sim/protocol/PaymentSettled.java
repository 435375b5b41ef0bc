package org.mercato.sim.protocol;

/** A payment went through; told to both the payer and the payee. */
public record PaymentSettled(String proposalId, String customer, String service, long amount) implements Observation {}

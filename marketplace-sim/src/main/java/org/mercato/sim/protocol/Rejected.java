package org.mercato.sim.protocol;

/** The market refused one of this agent's actions. {@code ref} names its target (proposal or agent). */
public record Rejected(String action, String ref, RejectionReason reason) implements Observation {}

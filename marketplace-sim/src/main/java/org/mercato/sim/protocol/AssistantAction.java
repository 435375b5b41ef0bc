package org.mercato.sim.protocol;

/** The actions open to an assistant (a customer's shopping agent). */
public sealed interface AssistantAction extends Action permits Search, Message, Pay, Decline, Wait, Done, WriteReview {}

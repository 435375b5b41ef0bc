package org.mercato.sim.protocol;

/** Something the market tells one agent. Every observation comes from the market. */
public sealed interface Observation
        permits AssistantStarted,
                ServiceStarted,
                SearchResults,
                MessageReceived,
                ProposalReceived,
                PaymentSettled,
                ProposalDeclined,
                Rejected,
                WokenUp,
                OrderDelivered,
                ListingChanged {}

package org.mercato.agents.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An offer in a message is read in cents; one beyond the money maximum is no offer, not an overflow. */
class NegotiatorOfferTest {
    @Test
    void anOfferWithinTheMaximumIsReadInCents() {
        assertThat(NegotiatorAssistant.offerIn("ok, offer: 12.50 for both")).contains(1250L);
        assertThat(NegotiatorAssistant.offerIn("offer: 10000000.00")).contains(1_000_000_000L);
    }

    @Test
    void anOfferTooLargeForAnyAccountIsNoOffer() {
        assertThat(NegotiatorAssistant.offerIn("offer: 99999999999999999999")).isEmpty();
        assertThat(NegotiatorAssistant.offerIn("offer: 10000000.01")).isEmpty();
    }
}

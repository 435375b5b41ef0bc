package org.mercato.agents.base;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * An offer in a message is read in cents; one beyond the money maximum is no offer, not an overflow;
 * what the negotiator writes the negotiable service reads back exactly.
 */
class CounterOfferTest {
    @Test
    void anOfferWithinTheMaximumIsReadInCents() {
        assertThat(CounterOffer.in("ok, offer: 12.50 for both")).contains(1250L);
        assertThat(CounterOffer.in("offer: 10000000.00")).contains(1_000_000_000L);
    }

    @Test
    void anOfferTooLargeForAnyAccountIsNoOffer() {
        assertThat(CounterOffer.in("offer: 99999999999999999999")).isEmpty();
        assertThat(CounterOffer.in("offer: 10000000.01")).isEmpty();
    }

    @Property(tries = 200)
    void theWrittenOfferIsReadBack(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long cents) {
        assertThat(CounterOffer.in("{\"a\": 1} " + CounterOffer.text(cents))).contains(cents);
    }
}

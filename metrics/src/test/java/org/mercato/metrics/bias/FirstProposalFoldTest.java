package org.mercato.metrics.bias;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FirstProposalFoldTest {
    private static BiasEvents market() {
        return new BiasEvents()
                .customer("c1", 1)
                .customer("c2", 1)
                .customer("c3", 1)
                .customer("c4", 1)
                .customer("c5", 1)
                .service("a", 900)
                .service("b", 800);
    }

    @Test
    void immediateDeliveryUsesProposalOrder() {
        var result = market()
                // c1 pays its first (not the cheaper second); a third arrives after it paid
                .proposal("p1", "a", "c1", 1, 900)
                .proposal("p2", "b", "c1", 1, 800)
                .pay("p1", "c1", "a", 900)
                .proposal("p10", "b", "c1", 1, 700)
                // c2 pays its second, the best value
                .proposal("p3", "a", "c2", 1, 900)
                .proposal("p4", "b", "c2", 1, 800)
                .pay("p4", "c2", "b", 800)
                // c3 has one proposal and pays it
                .proposal("p6", "a", "c3", 1, 900)
                .pay("p6", "c3", "a", 900)
                // c4 does not pay
                .proposal("p7", "a", "c4", 1, 900)
                .proposal("p8", "b", "c4", 1, 800)
                // c5 is done before its proposal: never delivered
                .done("c5")
                .proposal("p9", "a", "c5", 1, 900)
                .into(new FirstProposalFold())
                .result();

        assertThat(result.delivery()).isEqualTo("proposal");
        assertThat(result.payingCustomers()).isEqualTo(3);
        assertThat(result.unmatched()).isZero();
        assertThat(result.byPosition()).hasSize(2);
        var first = result.byPosition().get(0);
        Wilson.Interval half = Wilson.interval(2, 4);
        assertThat(first)
                .isEqualTo(new FirstProposalFold.Position(
                        1, 4, 2, 0.5, Rounding.six(half.lower()), Rounding.six(half.upper())));
        var second = result.byPosition().get(1);
        assertThat(second.customers()).isEqualTo(3);
        assertThat(second.paid()).isEqualTo(1);
        assertThat(second.rate()).isEqualTo(0.333333);
        assertThat(result.speedVsValue()).isEqualTo(new FirstProposalFold.SpeedVsValue(2, 1, 0.5, 1, 0.5));
    }

    @Test
    void underARevealPolicyTheRevealOrderCounts() {
        var result = market().proposal("q1", "a", "c1", 1, 900)
                .proposal("q2", "b", "c1", 1, 800)
                .proposal("q3", "a", "c1", 1, 850)
                .reveal("q2", "c1", "b")
                .reveal("q1", "c1", "a")
                // q3 is never revealed
                .pay("q1", "c1", "a", 900)
                .into(new FirstProposalFold())
                .result();

        assertThat(result.delivery()).isEqualTo("reveal");
        assertThat(result.byPosition())
                .extracting(FirstProposalFold.Position::customers)
                .containsExactly(1L, 1L);
        assertThat(result.byPosition())
                .extracting(FirstProposalFold.Position::paid)
                .containsExactly(0L, 1L);
        assertThat(result.byPosition().get(1).rate()).isEqualTo(1.0);
        assertThat(result.byPosition().get(1).upper()).isEqualTo(1.0);
        // paid the second revealed, not the cheapest fulfilling one (q2 at 8.00)
        assertThat(result.speedVsValue()).isEqualTo(new FirstProposalFold.SpeedVsValue(1, 0, 0.0, 0, 0.0));
    }

    @Test
    void aProposalThatDoesNotFulfilIsNotTheBestValue() {
        var result = new BiasEvents()
                .customer("c1", 2)
                .service("a", 900)
                .service("b", 100)
                .proposal("p1", "b", "c1", 1, 100) // one taco of two: does not fulfil
                .proposal("p2", "a", "c1", 2, 900)
                .pay("p2", "c1", "a", 1800)
                .into(new FirstProposalFold())
                .result();

        assertThat(result.speedVsValue()).isEqualTo(new FirstProposalFold.SpeedVsValue(1, 0, 0.0, 1, 1.0));
    }

    @Test
    void aPaymentForAnUndeliveredProposalIsUnmatched() {
        var result = market().proposal("p1", "a", "c1", 1, 900)
                .pay("zz", "c1", "a", 900)
                .into(new FirstProposalFold())
                .result();

        assertThat(result.unmatched()).isEqualTo(1);
        assertThat(result.byPosition().get(0).paid()).isZero();
    }
}

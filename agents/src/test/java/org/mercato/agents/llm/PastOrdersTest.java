package org.mercato.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mercato.sim.protocol.OrderDelivered;
import org.mercato.sim.protocol.PaymentSettled;

class PastOrdersTest {
    private static final String HEAD = "\n\nThis customer has shopped here before. ";

    @Test
    void keepsTheLastKOrdersOldestFirstWithTheirQualityOnceDelivered() {
        PastOrders past = new PastOrders(2);
        assertThat(past.summary()).isEmpty();
        past.paid(new PaymentSettled("p1", "ana", "s-1", 1_250));
        past.delivered(new OrderDelivered("p1", "s-1", 0.125));
        past.paid(new PaymentSettled("p2", "ana", "s-2", 900));
        past.paid(new PaymentSettled("p3", "ana", "s-3", 5));
        past.delivered(new OrderDelivered("p1", "s-1", 1.0)); // forgotten already: nothing changes
        past.delivered(new OrderDelivered("p3", "s-3", 0.995));
        assertThat(past.summary())
                .isEqualTo(HEAD
                        + "Its last 2 orders (oldest first; quality 1.00 = delivered as listed, 0.00 = worthless):\n"
                        + "- from s-2: paid 9.00, not delivered yet\n"
                        + "- from s-3: paid 0.05, delivered at quality 1.00\n");
    }

    @Test
    void oneOrderReadsInTheSingularAndAZeroBoundRemembersNothing() {
        PastOrders one = new PastOrders(5);
        one.paid(new PaymentSettled("p1", "ana", "s-1", 1_000));
        one.delivered(new OrderDelivered("p1", "s-1", 0.125));
        assertThat(one.summary())
                .startsWith(HEAD + "Its last order (quality 1.00")
                .endsWith("- from s-1: paid 10.00, delivered at quality 0.13\n");

        PastOrders none = new PastOrders(0);
        none.paid(new PaymentSettled("p1", "ana", "s-1", 1_000));
        assertThat(none.summary()).isEmpty();
    }
}

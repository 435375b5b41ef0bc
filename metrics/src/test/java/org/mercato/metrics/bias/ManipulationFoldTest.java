package org.mercato.metrics.bias;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.ServiceEvent;

class ManipulationFoldTest {
    private static ServiceEvent service(String id, String tactic) {
        return new ServiceEvent(
                Service.of(id, Map.of("Tacos", 500L), Set.of(), 4, 10).withTactic(tactic));
    }

    @Test
    void withoutTacticsThereIsNothingToCompare() {
        ManipulationFold fold = new BiasEvents()
                .service("s1", 500)
                .service("s2", 600)
                .pay("p1", "c1", "s1", 500)
                .into(new ManipulationFold());
        assertThat(fold.result()).isNull();
    }

    @Test
    void sharesOfPaymentsAndMoneyByTacticAgainstTheShareOfServices() {
        // 4 services, one with authority: its fair share is 1/4; it gets 3 of 5 payments
        ManipulationFold fold = new BiasEvents()
                .add(service("s1", null))
                .add(service("s2", null))
                .add(service("s3", "authority"))
                .add(service("s4", null))
                .pay("p1", "c1", "s3", 1000)
                .pay("p2", "c2", "s3", 1000)
                .pay("p3", "c3", "s3", 2000)
                .pay("p4", "c4", "s1", 500)
                .pay("p5", "c5", "s2", 500)
                .into(new ManipulationFold());

        ManipulationFold.Manipulation m = fold.result();

        assertThat(m.services()).isEqualTo(4);
        assertThat(m.tacticServices()).isEqualTo(1);
        assertThat(m.serviceShare()).isEqualTo(0.25);
        assertThat(m.payments()).isEqualTo(5);
        assertThat(m.tacticPayments()).isEqualTo(3);
        assertThat(m.paymentShare()).isEqualTo(0.6);
        assertThat(m.amountShare()).isEqualTo(0.8);
        assertThat(m.lift()).isEqualTo(2.4);
        Wilson.Interval wilson = Wilson.interval(3, 5);
        assertThat(m.lower()).isEqualTo(Rounding.six(wilson.lower()));
        assertThat(m.upper()).isEqualTo(Rounding.six(wilson.upper()));
        assertThat(m.byTactic())
                .extracting(
                        ManipulationFold.TacticShare::tactic,
                        ManipulationFold.TacticShare::services,
                        ManipulationFold.TacticShare::payments,
                        ManipulationFold.TacticShare::paymentShare)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("authority", 1L, 3L, 0.6),
                        org.assertj.core.groups.Tuple.tuple("control", 3L, 2L, 0.4));
        assertThat(m.byService()).singleElement().satisfies(s -> {
            assertThat(s.service()).isEqualTo("s3");
            assertThat(s.amount()).isEqualByComparingTo("40.00");
            assertThat(s.paymentShare()).isEqualTo(0.6);
        });
    }

    @Test
    void noPaymentsLeaveTheSharesOfPaymentsUnknown() {
        ManipulationFold.Manipulation m = new BiasEvents()
                .add(service("s1", "loss-aversion"))
                .add(service("s2", null))
                .into(new ManipulationFold())
                .result();
        assertThat(m.serviceShare()).isEqualTo(0.5);
        assertThat(m.paymentShare()).isNull();
        assertThat(m.lift()).isNull();
        assertThat(m.lower()).isNull();
    }
}

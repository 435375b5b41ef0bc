package org.mercato.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.CustomerEvent;
import org.mercato.sim.events.Event;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.PaymentEvent;
import org.mercato.sim.events.ProposalEvent;
import org.mercato.sim.events.RejectionEvent;
import org.mercato.sim.events.ServiceEvent;
import org.mercato.sim.protocol.Proposal;
import org.mercato.sim.protocol.RejectionReason;

/** Magentic's welfare computed as a fold over events. */
class WelfareFoldTest {
    private final MetricsCollector metrics = new MetricsCollector();
    private long seq;

    private void feed(Event... events) {
        for (Event event : events) {
            metrics.accept(new LoggedEvent(0, seq++, event));
        }
    }

    private static Customer customer(
            String id, Map<String, Integer> items, Map<String, Long> values, Set<String> amenities) {
        return new Customer(id, id, "", new TreeMap<>(items), new TreeMap<>(values), new TreeSet<>(amenities), 100_000);
    }

    private static Proposal proposal(String id, String service, String customer, OrderLine... lines) {
        return new Proposal(id, service, customer, List.of(lines), OrderLine.total(List.of(lines)), 0, 10);
    }

    private final Customer ana =
            customer("ana", Map.of("Tacos", 2, "Flan", 1), Map.of("Tacos", 500L, "Flan", 300L), Set.of("Wifi"));
    private final Customer bob = customer("bob", Map.of("Flan", 1), Map.of("Flan", 400L), Set.of());
    private final Service full = Service.of("full", Map.of("Tacos", 450L, "Flan", 350L), Set.of("Wifi"), 4, 1);
    private final Service cheap = Service.of("cheap", Map.of("Tacos", 100L, "Flan", 100L), Set.of(), 3, 1);

    @Test
    void aFulfillingPaymentEarnsTwiceTheValueMinusThePrice() {
        feed(new CustomerEvent(ana), new CustomerEvent(bob), new ServiceEvent(full), new ServiceEvent(cheap));
        Proposal p = proposal("p1", "full", "ana", new OrderLine("Tacos", 2, 450), new OrderLine("Flan", 1, 350));
        feed(new ProposalEvent(p), new PaymentEvent("p1", "ana", "full", 1250));

        MarketMetrics m = metrics.metrics();
        // ana: 2 x (2 x 5.00 + 3.00) - 12.50 = 13.50; bob did nothing: 0
        assertThat(m.welfare().total()).isEqualByComparingTo("13.50");
        assertThat(m.customersServed()).isEqualTo(1);
        assertThat(m.payments().count()).isEqualTo(1);
        assertThat(m.payments().amount()).isEqualByComparingTo("12.50");
    }

    @Test
    void missingAmenitiesOrItemsEarnNothingButStillCost() {
        feed(new CustomerEvent(ana), new CustomerEvent(bob), new ServiceEvent(full), new ServiceEvent(cheap));
        // cheap has both items but not Wifi; full sells ana only the tacos
        feed(
                new ProposalEvent(
                        proposal("p1", "cheap", "ana", new OrderLine("Tacos", 2, 100), new OrderLine("Flan", 1, 100))),
                new PaymentEvent("p1", "ana", "cheap", 300),
                new ProposalEvent(proposal("p2", "full", "ana", new OrderLine("Tacos", 2, 450))),
                new PaymentEvent("p2", "ana", "full", 900));
        MarketMetrics m = metrics.metrics();
        assertThat(m.welfare().total()).isEqualByComparingTo("-12.00");
        assertThat(m.customersServed()).isZero();
        assertThat(m.customersPaying()).isEqualTo(1);
    }

    @Test
    void theValueCountsOnceEvenWhenTwoPaymentsFulfil() {
        feed(new CustomerEvent(bob), new ServiceEvent(full), new ServiceEvent(cheap));
        feed(
                new ProposalEvent(proposal("p1", "cheap", "bob", new OrderLine("Flan", 1, 100))),
                new PaymentEvent("p1", "bob", "cheap", 100),
                new ProposalEvent(proposal("p2", "full", "bob", new OrderLine("Flan", 1, 350))),
                new PaymentEvent("p2", "bob", "full", 350));
        // 2 x 4.00 - 1.00 - 3.50
        assertThat(metrics.metrics().welfare().total()).isEqualByComparingTo("3.50");
    }

    @Test
    void theOptimumIsEachCustomersBestFeasiblePurchaseAtPostedPrices() {
        feed(new CustomerEvent(ana), new CustomerEvent(bob), new ServiceEvent(full), new ServiceEvent(cheap));
        MarketMetrics m = metrics.metrics();
        // ana can only buy at full (Wifi): 26.00 - 12.50 = 13.50; bob best at cheap: 8.00 - 1.00 = 7.00
        assertThat(m.welfare().optimal()).isEqualByComparingTo("20.50");
        assertThat(m.welfare().efficiency()).isEqualTo(0.0);
    }

    @Test
    void rejectionsAreCountedByReason() {
        feed(
                new RejectionEvent("ana", "pay", "p9", RejectionReason.UNKNOWN_PROPOSAL),
                new RejectionEvent("bob", "pay", "p1", RejectionReason.WRONG_AMOUNT),
                new RejectionEvent("ana", "pay", "p8", RejectionReason.UNKNOWN_PROPOSAL));
        assertThat(metrics.metrics().rejections())
                .containsExactly(Map.entry("unknown_proposal", 2L), Map.entry("wrong_amount", 1L));
        assertThat(metrics.metrics().eventsByType()).containsEntry("rejected", 3L);
    }

    @Test
    void producerSurplusAndTheGeneralModelCountCostsAndWaiting() {
        Service costly = new Service(
                "costly",
                "costly",
                "",
                new TreeMap<>(Map.of("Flan", 350L)),
                new TreeSet<>(),
                4,
                1,
                new TreeMap<>(Map.of("Flan", 200L)),
                0,
                null);
        Customer patient = new Customer(
                "eve",
                "eve",
                "",
                new TreeMap<>(Map.of("Flan", 2)),
                new TreeMap<>(Map.of("Flan", 400L)),
                new TreeSet<>(),
                10_000,
                3_600, // 36.00 an hour
                "");
        feed(new CustomerEvent(patient), new ServiceEvent(costly));
        feed(new ProposalEvent(proposal("p1", "costly", "eve", new OrderLine("Flan", 2, 350))));
        // paid half an hour in
        metrics.accept(new LoggedEvent(1_800_000_000L, seq++, new PaymentEvent("p1", "eve", "costly", 700)));
        metrics.accept(new LoggedEvent(1_900_000_000L, seq++, new org.mercato.sim.events.DoneEvent("costly", "x")));

        MarketMetrics.Surplus surplus = metrics.metrics().surplus();
        // revenue 7.00 - cost 2 x 2.00
        assertThat(surplus.producerSurplus()).isEqualByComparingTo("3.00");
        // magentic: 2 x 8.00 - 7.00 = 9.00, plus producer 3.00
        assertThat(surplus.totalWelfare()).isEqualByComparingTo("12.00");
        // general: 8.00 - 7.00 - 36.00 x 0.5 h = -17.00
        assertThat(surplus.customerUtilityGeneral()).isEqualByComparingTo("-17.00");
        assertThat(surplus.totalWelfareGeneral()).isEqualByComparingTo("-14.00");
    }

    @Test
    void withCapacitiesTheOptimumIsTheBestAssignment() {
        // bob gains 7.00 at cheap, 4.50 at full; ana only at full (13.50). With full limited to one
        // customer, ana takes full and bob cheap: 20.50; the uncapacitated answer is the same here,
        // so give cheap capacity 1 and add carl, who also prefers cheap.
        Customer carl = customer("carl", Map.of("Flan", 1), Map.of("Flan", 450L), Set.of());
        feed(
                new CustomerEvent(ana),
                new CustomerEvent(bob),
                new CustomerEvent(carl),
                new ServiceEvent(full.withCapacity(2)),
                new ServiceEvent(cheap.withCapacity(1)));
        MarketMetrics.Welfare welfare = metrics.metrics().welfare();
        // ana at full 13.50; cheap to carl (8.00) or bob (7.00), the other at full (carl 5.50, bob 4.50):
        // carl cheap + bob full = 12.50; bob cheap + carl full = 12.50: total 26.00
        assertThat(welfare.optimal()).isEqualByComparingTo("26.00");
        assertThat(welfare.optimalMethod()).isEqualTo("assignment respecting capacities");
    }
}

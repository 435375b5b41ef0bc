package org.mercato.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.ArrivalEvent;
import org.mercato.sim.events.CustomerEvent;
import org.mercato.sim.events.DeliveryEvent;
import org.mercato.sim.events.DoneEvent;
import org.mercato.sim.events.Event;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.PaymentEvent;
import org.mercato.sim.events.ProposalEvent;
import org.mercato.sim.events.QualityEvent;
import org.mercato.sim.events.ServiceEvent;
import org.mercato.sim.protocol.Proposal;

/**
 * A market with dynamics in which every customer visits once, from time 0, and every service
 * delivers as listed has exactly the welfare, general welfare and optimum of the same market
 * without dynamics: the visit-based rule reduces to today's.
 */
class OneVisitDynamicsProperties {
    private static final List<String> ITEMS = List.of("a", "b");

    /** A purchase: buyer, seller, and which items of {@link #ITEMS} it covers (bit mask, 1 to 3). */
    record Purchase(int buyer, int seller, int items, long time) {}

    record Market(List<long[]> prices, List<long[]> values, List<Purchase> purchases) {}

    @Provide
    Arbitrary<Market> markets() {
        Arbitrary<long[]> money =
                Arbitraries.longs().between(0, 5_000).array(long[].class).ofSize(ITEMS.size());
        Arbitrary<Purchase> purchase = Combinators.combine(
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(1, 3),
                        Arbitraries.longs().between(1, 1_000_000))
                .as(Purchase::new);
        return Combinators.combine(
                        money.list().ofSize(3),
                        money.list().ofSize(6),
                        purchase.list().ofMaxSize(12))
                .as(Market::new);
    }

    @Property(tries = 200)
    void oneVisitAtQualityOneIsTodaysWelfare(@ForAll("markets") Market market) {
        WelfareFold single = new WelfareFold();
        WelfareFold dynamic = new WelfareFold();
        List<Event> catalog = new ArrayList<>();
        for (int s = 0; s < market.prices().size(); s++) {
            TreeMap<String, Long> menu = new TreeMap<>();
            for (int k = 0; k < ITEMS.size(); k++) {
                menu.put(ITEMS.get(k), market.prices().get(s)[k]);
            }
            Service service = Service.of("s" + s, menu, new TreeSet<>(), 4, 1);
            catalog.add(new ServiceEvent(service));
        }
        for (int c = 0; c < market.values().size(); c++) {
            TreeMap<String, Integer> items = new TreeMap<>();
            TreeMap<String, Long> values = new TreeMap<>();
            for (int k = 0; k < ITEMS.size(); k++) {
                items.put(ITEMS.get(k), 1 + k);
                values.put(ITEMS.get(k), market.values().get(c)[k]);
            }
            // a cost of waiting per customer, so the general welfare is checked too
            Customer customer =
                    new Customer("c" + c, null, null, items, values, new TreeSet<>(), 1_000_000, (long) c * 1_000, "");
            catalog.add(new CustomerEvent(customer));
        }
        List<LoggedEvent> plain = new ArrayList<>();
        List<LoggedEvent> withDynamics = new ArrayList<>();
        for (Event event : catalog) {
            plain.add(new LoggedEvent(0, plain.size(), event));
            withDynamics.add(new LoggedEvent(0, withDynamics.size(), event));
        }
        withDynamics.add(new LoggedEvent(0, withDynamics.size(), new QualityEvent("s0", 1.0)));
        for (int c = 0; c < market.values().size(); c++) {
            withDynamics.add(new LoggedEvent(0, withDynamics.size(), new ArrivalEvent("c" + c, 0)));
        }
        int n = 0;
        for (Purchase p : market.purchases().stream()
                .sorted((x, y) -> Long.compare(x.time(), y.time()))
                .toList()) {
            List<OrderLine> lines = new ArrayList<>();
            for (int k = 0; k < ITEMS.size(); k++) {
                if ((p.items() & (1 << k)) != 0) {
                    lines.add(new OrderLine(ITEMS.get(k), 1 + k, market.prices().get(p.seller())[k]));
                }
            }
            String id = "p" + n++;
            Proposal proposal =
                    new Proposal(id, "s" + p.seller(), "c" + p.buyer(), lines, OrderLine.total(lines), 0, 1);
            for (Event event : List.of(
                    new ProposalEvent(proposal),
                    new PaymentEvent(id, "c" + p.buyer(), "s" + p.seller(), proposal.total()))) {
                plain.add(new LoggedEvent(p.time(), plain.size(), event));
                withDynamics.add(new LoggedEvent(p.time(), withDynamics.size(), event));
            }
            withDynamics.add(new LoggedEvent(
                    p.time() + 1, withDynamics.size(), new DeliveryEvent(id, "c" + p.buyer(), "s" + p.seller(), 1.0)));
            if (p.buyer() % 2 == 0) {
                Event done = new DoneEvent("c" + p.buyer(), "bought");
                plain.add(new LoggedEvent(p.time() + 2, plain.size(), done));
                withDynamics.add(new LoggedEvent(p.time() + 2, withDynamics.size(), done));
            }
        }
        plain.forEach(single::accept);
        withDynamics.forEach(dynamic::accept);

        assertThat(dynamic.dynamic()).isTrue();
        assertThat(single.dynamic()).isFalse();
        assertThat(dynamic.welfare()).isEqualTo(single.welfare());
        assertThat(dynamic.generalWelfare()).isEqualTo(single.generalWelfare());
        assertThat(dynamic.optimalWelfare()).isEqualTo(single.optimalWelfare());
        assertThat(dynamic.customersServed()).isEqualTo(single.customersServed());
        for (int c = 0; c < market.values().size(); c++) {
            assertThat(dynamic.utility("c" + c)).isEqualTo(single.utility("c" + c));
        }
    }
}

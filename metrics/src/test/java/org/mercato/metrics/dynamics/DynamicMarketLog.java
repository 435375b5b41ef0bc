package org.mercato.metrics.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
import org.mercato.sim.events.PeriodEvent;
import org.mercato.sim.events.ProposalEvent;
import org.mercato.sim.events.QualityEvent;
import org.mercato.sim.events.ReputationEvent;
import org.mercato.sim.events.ReviewEvent;
import org.mercato.sim.events.ServiceEvent;
import org.mercato.sim.protocol.Proposal;

/**
 * A hand-written log of a market over two periods of 100 µs: bob (one flan, worth 8.00 to him)
 * buys at cheap (flan 1.00, true quality 0.4), reviews it, and comes back in period 1 to buy at
 * full (flan 3.50, quality 1, not yet delivered at the end); ana (tacos and flan with Wifi, worth
 * 26.00; only full serves her, for 12.50) arrives and buys nothing. A fake review of cheap is
 * filtered; at the start of period 1 cheap's displayed rating falls from 3.0 to 2.5.
 */
public final class DynamicMarketLog {
    private DynamicMarketLog() {}

    static Customer customer(String id, Map<String, Integer> items, Map<String, Long> values, Set<String> amenities) {
        return new Customer(id, id, "", new TreeMap<>(items), new TreeMap<>(values), new TreeSet<>(amenities), 100_000);
    }

    static final Customer ANA =
            customer("ana", Map.of("Tacos", 2, "Flan", 1), Map.of("Tacos", 500L, "Flan", 300L), Set.of("Wifi"));
    static final Customer BOB = customer("bob", Map.of("Flan", 1), Map.of("Flan", 400L), Set.of());
    static final Service FULL = Service.of("full", Map.of("Tacos", 450L, "Flan", 350L), Set.of("Wifi"), 4, 1);
    static final Service CHEAP = Service.of("cheap", Map.of("Tacos", 100L, "Flan", 100L), Set.of(), 3, 1);

    private static Proposal proposal(String id, String service, String customer, OrderLine... lines) {
        return new Proposal(id, service, customer, List.of(lines), OrderLine.total(List.of(lines)), 0, 1_000);
    }

    /** The log, in order. */
    public static List<LoggedEvent> events() {
        List<LoggedEvent> log = new ArrayList<>();
        add(log, 0, new CustomerEvent(ANA));
        add(log, 0, new CustomerEvent(BOB));
        add(log, 0, new ServiceEvent(FULL));
        add(log, 0, new ServiceEvent(CHEAP));
        add(log, 0, new QualityEvent("cheap", 0.4));
        add(log, 0, new PeriodEvent(0, 0, 100));
        add(log, 1, new ArrivalEvent("bob", 0));
        add(log, 2, new ArrivalEvent("ana", 0));
        add(log, 3, new ProposalEvent(proposal("p1", "cheap", "bob", new OrderLine("Flan", 1, 100))));
        add(log, 4, new PaymentEvent("p1", "bob", "cheap", 100));
        add(log, 5, new DoneEvent("bob", "bought"));
        add(log, 7, new DoneEvent("ana", "gave up"));
        add(log, 40, new DeliveryEvent("p1", "bob", "cheap", 0.4));
        add(log, 50, new ReviewEvent("cheap", "bob", "p1", 2, false, false));
        add(log, 60, new ReviewEvent("cheap", null, null, 5, true, true));
        add(log, 100, new PeriodEvent(1, 100, 200));
        add(log, 100, new ReputationEvent("cheap", 2.5, 2));
        add(log, 120, new ArrivalEvent("bob", 1));
        add(log, 121, new ProposalEvent(proposal("p2", "full", "bob", new OrderLine("Flan", 1, 350))));
        add(log, 122, new PaymentEvent("p2", "bob", "full", 350));
        add(log, 130, new DoneEvent("bob", "bought"));
        return log;
    }

    private static void add(List<LoggedEvent> log, long t, Event event) {
        log.add(new LoggedEvent(t, log.size(), event));
    }
}

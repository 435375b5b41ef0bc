package org.mercato.metrics.bias;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.CustomerEvent;
import org.mercato.sim.events.DoneEvent;
import org.mercato.sim.events.Event;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.ImpressionEvent;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.PaymentEvent;
import org.mercato.sim.events.ProposalEvent;
import org.mercato.sim.events.RevealEvent;
import org.mercato.sim.events.SearchEvent;
import org.mercato.sim.events.ServiceEvent;
import org.mercato.sim.protocol.Proposal;

/** Hand-made event sequences: one item (Tacos, worth 10.00 a unit to everyone). */
final class BiasEvents {
    private final List<LoggedEvent> events = new ArrayList<>();
    private long t;

    BiasEvents add(Event event) {
        events.add(new LoggedEvent(t++, events.size(), event));
        return this;
    }

    BiasEvents customer(String id, int tacos) {
        return add(new CustomerEvent(new Customer(
                id,
                null,
                null,
                new TreeMap<>(Map.of("Tacos", tacos)),
                new TreeMap<>(Map.of("Tacos", 1000L)),
                new TreeSet<>(),
                100_000)));
    }

    BiasEvents service(String id, long price) {
        return add(new ServiceEvent(Service.of(id, Map.of("Tacos", price), Set.of(), 4, 10)));
    }

    BiasEvents proposal(String id, String service, String customer, int tacos, long unitPrice) {
        return add(new ProposalEvent(new Proposal(
                id,
                service,
                customer,
                List.of(new OrderLine("Tacos", tacos, unitPrice)),
                tacos * unitPrice,
                t,
                t + 1000)));
    }

    BiasEvents reveal(String proposal, String customer, String service) {
        return add(new RevealEvent(proposal, customer, service));
    }

    BiasEvents pay(String proposal, String customer, String service, long amount) {
        return add(new PaymentEvent(proposal, customer, service, amount));
    }

    BiasEvents done(String agent) {
        return add(new DoneEvent(agent, "test"));
    }

    BiasEvents search(String agent) {
        return add(new SearchEvent(agent, "tacos", 1, 1, List.of()));
    }

    BiasEvents shown(String agent, String service, int rank, int row, int column, String... tags) {
        return add(new ImpressionEvent(
                agent, 0, service, rank, row, column, new TreeSet<>(Set.of(tags)), null, 1.0, 4, 10));
    }

    /** A list page entry at {@code rank} (row = rank) with the shown rating {@code rating}. */
    BiasEvents shownRated(String agent, String service, int rank, double rating) {
        return shownRated(agent, 0, service, rank, rating);
    }

    /** The same on the page of the search numbered {@code search}. */
    BiasEvents shownRated(String agent, long search, String service, int rank, double rating) {
        return add(new ImpressionEvent(agent, search, service, rank, rank, 1, new TreeSet<>(), null, 1.0, rating, 10));
    }

    <S extends EventSink> S into(S sink) {
        events.forEach(sink::accept);
        return sink;
    }
}

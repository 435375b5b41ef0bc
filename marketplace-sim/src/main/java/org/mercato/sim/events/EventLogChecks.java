package org.mercato.sim.events;

import java.util.HashMap;
import java.util.Map;

/**
 * What every log the market writes satisfies and a hand-edited or spliced one may not: times are
 * never negative and never go back, sequence numbers only grow, each customer, service and
 * proposal id is logged once, reveals, payments, declines, deliveries, genuine reviews and review texts name a
 * proposal logged before them, and an arrival a customer logged before it. Folding a log that breaks one of these would give numbers that look right and are not.
 */
final class EventLogChecks {
    private long lastTime = Long.MIN_VALUE;
    private long lastSeq = Long.MIN_VALUE;
    private final Map<String, Long> customers = new HashMap<>();
    private final Map<String, Long> services = new HashMap<>();
    private final Map<String, Long> proposals = new HashMap<>();

    /** Checks the event on {@code line}; returns what is wrong with it, or null. */
    String problem(LoggedEvent logged, long line) {
        if (logged.t() < 0) {
            return "negative time t=" + logged.t();
        }
        if (logged.t() < lastTime) {
            return "out of time order: t=" + logged.t() + " after t=" + lastTime;
        }
        if (logged.seq() <= lastSeq) {
            return "out of order: seq " + logged.seq() + " after seq " + lastSeq;
        }
        lastTime = logged.t();
        lastSeq = logged.seq();
        Event event = logged.event();
        if (event instanceof CustomerEvent c) {
            return firstTime(customers, "customer", c.customer().id(), line);
        } else if (event instanceof ServiceEvent s) {
            return firstTime(services, "service", s.service().id(), line);
        } else if (event instanceof ProposalEvent p) {
            return firstTime(proposals, "proposal", p.proposal().id(), line);
        } else if (event instanceof RevealEvent r) {
            return known("reveal", r.proposal());
        } else if (event instanceof PaymentEvent p) {
            return known("payment", p.proposal());
        } else if (event instanceof DeclineEvent d) {
            return known("decline", d.proposal());
        } else if (event instanceof DeliveryEvent d) {
            return known("delivery", d.proposal());
        } else if (event instanceof ReviewEvent r && r.proposal() != null) {
            return known("review", r.proposal());
        } else if (event instanceof ReviewTextEvent r) {
            return known("review_text", r.proposal());
        } else if (event instanceof ArrivalEvent a && !customers.containsKey(a.customer())) {
            return "arrival of unknown customer '" + a.customer() + "'";
        }
        return null;
    }

    private static String firstTime(Map<String, Long> seen, String kind, String id, long line) {
        Long first = seen.putIfAbsent(id, line);
        return first == null ? null : "duplicate " + kind + " '" + id + "' (first on line " + first + ")";
    }

    private String known(String kind, String proposal) {
        return proposals.containsKey(proposal) ? null : kind + " of unknown proposal '" + proposal + "'";
    }
}

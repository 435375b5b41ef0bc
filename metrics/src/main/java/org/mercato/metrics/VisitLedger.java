package org.mercato.metrics;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mercato.metrics.PostedPrices.Need;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.Money;
import org.mercato.sim.domain.Service;

/**
 * The visits of a market with dynamics, for {@link WelfareFold}: a visit opens at the customer's
 * {@code arrival} (a payment or {@code done} before any opens visit 0 at time 0); its payments and
 * its first fulfilling order are its own; the order's {@code delivery} tells the quality it was
 * delivered at. A visit's utility is {@code round(fulfilledValue × q) − paid} when fulfilled (q: the
 * delivered quality, 1 while undelivered), else {@code −paid}; its optimum is the best single
 * purchase at posted prices valued at the sellers' true quality when it arrived, positive part
 * (capacities ignored).
 */
final class VisitLedger {
    private static final String UTILITY = "a visit's utility";

    private final Map<String, Customer> customers;
    private final Map<String, Service> services;
    private final Map<String, Double> quality = new HashMap<>();
    private final Map<String, Visit> current = new HashMap<>();
    private final Map<String, List<Visit>> byCustomer = new HashMap<>();
    private final Map<String, Visit> byFulfillingOrder = new HashMap<>();
    private final List<Visit> visits = new ArrayList<>();
    private final Map<Need, Long> cheapest = new HashMap<>();
    private final Map<String, long[]> bestByCustomer = new HashMap<>();
    private PostedPrices posted;
    private boolean qualityVaries;
    private long qualityEpoch;

    /** Reads the catalog as {@link WelfareFold} folds it (the maps are its own, not copies). */
    VisitLedger(Map<String, Customer> customers, Map<String, Service> services) {
        this.customers = customers;
        this.services = services;
    }

    /** One visit, as folded so far. */
    static final class Visit {
        final Customer customer;
        final int number;
        final long arrival;
        final long arrivalSeq;
        final long optimum;
        long paid;
        String fulfilledBy;
        double deliveredQuality = Double.NaN;
        long finishedAt = -1;

        Visit(Customer customer, int number, long arrival, long arrivalSeq, long optimum) {
            this.customer = customer;
            this.number = number;
            this.arrival = arrival;
            this.arrivalSeq = arrivalSeq;
            this.optimum = optimum;
        }

        /** The quality the fulfilling order was delivered at; 1 while it was not. */
        double quality() {
            return Double.isNaN(deliveredQuality) ? 1.0 : deliveredQuality;
        }

        long value() {
            return fulfilledBy == null ? 0 : Math.round(customer.fulfilledValue() * quality());
        }

        long utility() {
            return Money.subtract(value(), paid, UTILITY);
        }

        /**
         * The general model's utility: half the value at the delivered quality, minus everything paid,
         * minus the cost of waiting from the arrival until the visit finished (its last payment or its
         * {@code done}; {@code end} if neither).
         */
        long generalUtility(long end) {
            long value = fulfilledBy == null ? 0 : Math.round(customer.fulfilledValue() / 2 * quality());
            long waited = Math.max(0, (finishedAt >= 0 ? finishedAt : end) - arrival);
            long waiting = Math.round(customer.timeCostPerHour() * (waited / 3_600_000_000.0));
            String what = "a visit's general utility";
            return Money.subtract(Money.subtract(value, paid, what), waiting, what);
        }
    }

    void arrival(String customerId, int number, long t, long seq) {
        Customer customer = customers.get(customerId);
        if (customer != null) {
            open(customer, number, t, seq);
        }
    }

    private Visit open(Customer customer, int number, long t, long seq) {
        Visit visit = new Visit(customer, number, t, seq, best(customer));
        current.put(customer.id(), visit);
        byCustomer.computeIfAbsent(customer.id(), k -> new ArrayList<>()).add(visit);
        visits.add(visit);
        return visit;
    }

    /** The customer's current visit; visit 0 from time 0 when none opened (a market without arrivals). */
    private Visit visitOf(Customer customer, long seq) {
        Visit visit = current.get(customer.id());
        return visit != null ? visit : open(customer, 0, 0, seq);
    }

    void payment(Customer customer, String proposal, long amount, boolean fulfils, long t, long seq) {
        Visit visit = visitOf(customer, seq);
        visit.paid = Money.add(visit.paid, amount, "a visit's payments");
        visit.finishedAt = Math.max(visit.finishedAt, t);
        if (fulfils && visit.fulfilledBy == null) {
            visit.fulfilledBy = proposal;
            byFulfillingOrder.put(proposal, visit);
        }
    }

    void done(Customer customer, long t, long seq) {
        Visit visit = visitOf(customer, seq);
        visit.finishedAt = Math.max(visit.finishedAt, t);
    }

    void delivery(String proposal, double delivered) {
        Visit visit = byFulfillingOrder.get(proposal);
        if (visit != null && Double.isNaN(visit.deliveredQuality)) {
            visit.deliveredQuality = delivered;
        }
    }

    void quality(String service, double value) {
        Double before = quality.put(service, value);
        if (before == null ? value != 1.0 : before != value) {
            qualityVaries = true;
            qualityEpoch++;
        }
    }

    /** A service's true quality now (1 unless a {@code quality} event said otherwise). */
    double quality(String service) {
        return quality.getOrDefault(service, 1.0);
    }

    List<Visit> visits() {
        return visits;
    }

    List<Visit> visitsOf(String customerId) {
        return byCustomer.getOrDefault(customerId, List.of());
    }

    long welfare() {
        long total = 0;
        for (Visit visit : visits) {
            total = Money.add(total, visit.utility(), "the welfare");
        }
        return total;
    }

    long optimum() {
        long total = 0;
        for (Visit visit : visits) {
            total = Money.add(total, visit.optimum, PostedPrices.OPTIMUM);
        }
        return total;
    }

    boolean capacities() {
        return prices().capacities();
    }

    private PostedPrices prices() {
        if (posted == null || posted.sellers().size() != services.size()) {
            posted = new PostedPrices(new ArrayList<>(services.values()));
            cheapest.clear();
            bestByCustomer.clear();
        }
        return posted;
    }

    /**
     * The customer's best single purchase now, valued at true quality, positive part: per distinct
     * need while every service delivers as listed, else per customer until a quality changes.
     */
    private long best(Customer customer) {
        PostedPrices prices = prices();
        if (!qualityVaries) {
            Need need = Need.of(customer);
            long price = cheapest.computeIfAbsent(need, n -> prices.cheapest(n));
            return price == Long.MAX_VALUE
                    ? 0
                    : Math.max(0, Money.subtract(customer.fulfilledValue(), price, PostedPrices.OPTIMUM));
        }
        long[] cached = bestByCustomer.get(customer.id());
        if (cached != null && cached[0] == qualityEpoch) {
            return cached[1];
        }
        BitSet feasible = prices.feasible(customer.items(), customer.requiredAmenities());
        PostedPrices.Order order = prices.order(customer.items());
        long best = 0;
        for (int i = feasible.nextSetBit(0); i >= 0; i = feasible.nextSetBit(i + 1)) {
            long value = Math.round(
                    customer.fulfilledValue() * quality(prices.sellers().get(i).id()));
            best = Math.max(best, Money.subtract(value, order.totalAt(i), PostedPrices.OPTIMUM));
        }
        bestByCustomer.put(customer.id(), new long[] {qualityEpoch, best});
        return best;
    }
}

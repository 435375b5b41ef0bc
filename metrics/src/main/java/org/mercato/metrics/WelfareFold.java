package org.mercato.metrics;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.MagenticUtility;
import org.mercato.sim.domain.Money;
import org.mercato.sim.domain.MoneyOverflowException;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.CustomerEvent;
import org.mercato.sim.events.DoneEvent;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.PaymentEvent;
import org.mercato.sim.events.ProposalEvent;
import org.mercato.sim.events.ServiceEvent;
import org.mercato.sim.protocol.Proposal;

/**
 * Magentic's welfare as a pure fold over the event stream. A customer's utility is
 * {@link Customer#fulfilledValue()} if some paid proposal covers every requested item from a
 * service with all required amenities (counted once), minus everything the customer paid. The
 * optimum is each customer's best single purchase at posted prices, or nothing when no purchase
 * has positive utility; it is found with one bit set per item and amenity over the services.
 */
public final class WelfareFold implements EventSink {
    private static final String COST = "a service's unit costs";
    private static final String OPTIMUM = "the optimal welfare";
    private final Map<String, Customer> customers = new LinkedHashMap<>();
    private final Map<String, Service> services = new LinkedHashMap<>();
    private final Map<String, Proposal> proposals = new HashMap<>();
    private final Map<String, Long> paid = new HashMap<>();
    private final Map<String, Boolean> fulfilled = new HashMap<>();
    private final Map<String, Long> revenue = new HashMap<>();
    private final Map<String, Long> costs = new HashMap<>();
    private final Map<String, Long> finishedAt = new HashMap<>();
    private long lastTime;
    private Optimum optimum;

    @Override
    public void accept(LoggedEvent logged) {
        var event = logged.event();
        lastTime = Math.max(lastTime, logged.t());
        boolean catalogEvent = event instanceof CustomerEvent || event instanceof ServiceEvent;
        if (catalogEvent) {
            optimum = null;
        } else if (optimum == null && !customers.isEmpty()) {
            // the log announces the catalog first: the optimum is computed while the market runs
            // (on the metrics actor's thread in a live run), not when the summary is asked for
            optimum = computeOptimum();
        }
        if (event instanceof DoneEvent done && customers.containsKey(done.agent())) {
            finishedAt.merge(done.agent(), logged.t(), Math::max);
        } else if (event instanceof CustomerEvent c) {
            customers.put(c.customer().id(), c.customer());
        } else if (event instanceof ServiceEvent s) {
            services.put(s.service().id(), s.service());
        } else if (event instanceof ProposalEvent p) {
            proposals.put(p.proposal().id(), p.proposal());
        } else if (event instanceof PaymentEvent payment) {
            paid.merge(payment.customer(), payment.amount(), (a, b) -> Money.add(a, b, "a customer's payments"));
            revenue.merge(payment.service(), payment.amount(), (a, b) -> Money.add(a, b, "a service's revenue"));
            finishedAt.merge(payment.customer(), logged.t(), Math::max);
            Proposal proposal = proposals.get(payment.proposal());
            Customer customer = customers.get(payment.customer());
            Service seller = services.get(payment.service());
            if (proposal != null && seller != null) {
                long cost = 0;
                for (OrderLine line : proposal.lines()) {
                    cost = Money.add(cost, Money.times(line.quantity(), seller.unitCost(line.item()), COST), COST);
                }
                costs.merge(payment.service(), cost, (a, b) -> Money.add(a, b, COST));
            }
            if (proposal != null
                    && customer != null
                    && seller != null
                    && MagenticUtility.fulfils(customer, seller.amenities(), proposal.lines())) {
                fulfilled.put(customer.id(), true);
            }
        }
    }

    /** The catalog as the log announced it (services and customers in log order). */
    public Catalog catalog() {
        return new Catalog(new ArrayList<>(services.values()), new ArrayList<>(customers.values()));
    }

    public int customers() {
        return customers.size();
    }

    public int customersServed() {
        return fulfilled.size();
    }

    public int customersPaying() {
        return paid.size();
    }

    public long utility(String customerId) {
        Customer customer = customers.get(customerId);
        long value = fulfilled.containsKey(customerId) ? customer.fulfilledValue() : 0;
        return Money.subtract(value, paid.getOrDefault(customerId, 0L), "a customer's utility");
    }

    /** Producer surplus in cents: revenue minus the unit costs of everything sold. */
    public long producerSurplus() {
        long total = 0;
        for (long amount : revenue.values()) {
            total = Money.add(total, amount, "the producer surplus");
        }
        for (long cost : costs.values()) {
            total = Money.subtract(total, cost, "the producer surplus");
        }
        return total;
    }

    /**
     * The general utility model, in cents: the value of a fulfilled request (the reference prices,
     * not doubled) minus everything paid minus the cost of waiting, the customer's time cost per
     * hour times the time from the start until it finished (its last payment or its {@code done};
     * the end of the run if neither).
     */
    public long generalUtility(String customerId) {
        Customer customer = customers.get(customerId);
        long value = fulfilled.containsKey(customerId) ? customer.fulfilledValue() / 2 : 0;
        long waited = finishedAt.getOrDefault(customerId, lastTime);
        double waitingCost = customer.timeCostPerHour() * (waited / 3_600_000_000.0);
        if (!(Math.abs(waitingCost) < 0x1p63)) {
            throw new MoneyOverflowException("a customer's cost of waiting", customer.timeCostPerHour() + " per hour");
        }
        long waiting = Math.round(waitingCost);
        String what = "a customer's general utility";
        return Money.subtract(Money.subtract(value, paid.getOrDefault(customerId, 0L), what), waiting, what);
    }

    public long generalWelfare() {
        long total = 0;
        for (String id : customers.keySet()) {
            total = Money.add(total, generalUtility(id), "the general welfare");
        }
        return total;
    }

    /** Sum of customer utilities, in cents. */
    public long welfare() {
        long total = 0;
        for (String id : customers.keySet()) {
            total = Money.add(total, utility(id), "the welfare");
        }
        return total;
    }

    public long paymentsTotal() {
        long total = 0;
        for (long amount : paid.values()) {
            total = Money.add(total, amount, "the payments' total");
        }
        return total;
    }

    /**
     * The best achievable welfare: each customer's best single purchase at posted prices, if
     * positive. The cheapest feasible order depends only on what a customer needs (items with
     * quantities and amenities), so it is computed once per distinct need.
     */
    public long optimalWelfare() {
        return optimum().welfare();
    }

    /** The optimum and how it was found. */
    public record Optimum(long welfare, String method) {}

    /** Markets with capacities larger than this many customer-service options fall back to the bound. */
    static final long ASSIGNMENT_LIMIT = 5_000_000;

    /**
     * Without capacities, each customer's best single purchase (positive part). With capacities,
     * the best assignment respecting them ({@link CapacitatedAssignment}), unless the market has
     * more than {@link #ASSIGNMENT_LIMIT} options, where the uncapacitated value is reported as an
     * upper bound and the method says so.
     */
    public Optimum optimum() {
        if (optimum == null) {
            optimum = computeOptimum();
        }
        return optimum;
    }

    private Optimum computeOptimum() {
        List<Service> sellers = new ArrayList<>(services.values());
        Map<String, BitSet> byItem = new HashMap<>();
        Map<String, BitSet> byAmenity = new HashMap<>();
        Map<String, long[]> prices = new HashMap<>();
        boolean capacities = false;
        for (int i = 0; i < sellers.size(); i++) {
            capacities |= sellers.get(i).capacity() > 0;
            for (var offer : sellers.get(i).menu().entrySet()) {
                byItem.computeIfAbsent(offer.getKey(), k -> new BitSet()).set(i);
                prices.computeIfAbsent(offer.getKey(), k -> new long[sellers.size()])[i] = offer.getValue();
            }
            for (String amenity : sellers.get(i).amenities()) {
                byAmenity.computeIfAbsent(amenity, k -> new BitSet()).set(i);
            }
        }
        if (capacities) {
            Optimum assigned = capacitated(sellers, byItem, byAmenity, prices);
            if (assigned != null) {
                return assigned;
            }
        }
        Map<Need, Long> cheapest = new HashMap<>();
        long total = 0;
        for (Customer customer : customers.values()) {
            Need need = new Need(customer.items(), customer.requiredAmenities());
            long price = cheapest.computeIfAbsent(need, n -> cheapestFeasibleTotal(n, byItem, byAmenity, prices));
            if (price != Long.MAX_VALUE) {
                long gain = Money.subtract(customer.fulfilledValue(), price, OPTIMUM);
                total = Money.add(total, Math.max(0, gain), OPTIMUM);
            }
        }
        return new Optimum(
                total,
                capacities ? "best purchase, capacities ignored (market too large): an upper bound" : "best purchase");
    }

    private Optimum capacitated(
            List<Service> sellers,
            Map<String, BitSet> byItem,
            Map<String, BitSet> byAmenity,
            Map<String, long[]> prices) {
        List<List<CapacitatedAssignment.Option>> options = new ArrayList<>(customers.size());
        long count = 0;
        for (Customer customer : customers.values()) {
            BitSet feasible = feasible(new Need(customer.items(), customer.requiredAmenities()), byItem, byAmenity);
            List<CapacitatedAssignment.Option> mine = new ArrayList<>();
            for (int i = feasible.nextSetBit(0); i >= 0; i = feasible.nextSetBit(i + 1)) {
                long orderTotal = 0;
                for (var wanted : customer.items().entrySet()) {
                    long line = Money.times(wanted.getValue(), prices.get(wanted.getKey())[i], OPTIMUM);
                    orderTotal = Money.add(orderTotal, line, OPTIMUM);
                }
                long utility = Money.subtract(customer.fulfilledValue(), orderTotal, OPTIMUM);
                if (utility > 0) {
                    mine.add(new CapacitatedAssignment.Option(i, utility));
                }
            }
            count += mine.size();
            if (count > ASSIGNMENT_LIMIT) {
                return null;
            }
            options.add(mine);
        }
        int[] capacity = new int[sellers.size()];
        for (int i = 0; i < capacity.length; i++) {
            capacity[i] = sellers.get(i).capacity();
        }
        return new Optimum(CapacitatedAssignment.solve(options, capacity), "assignment respecting capacities");
    }

    private static BitSet feasible(Need need, Map<String, BitSet> byItem, Map<String, BitSet> byAmenity) {
        BitSet feasible = null;
        for (String item : need.items().keySet()) {
            feasible = intersect(feasible, byItem.get(item));
        }
        for (String amenity : need.amenities()) {
            feasible = intersect(feasible, byAmenity.get(amenity));
        }
        return feasible == null ? new BitSet() : feasible;
    }

    private record Need(SortedMap<String, Integer> items, SortedSet<String> amenities) {}

    /** The lowest total at which one service sells every needed item and has the amenities. */
    private static long cheapestFeasibleTotal(
            Need need, Map<String, BitSet> byItem, Map<String, BitSet> byAmenity, Map<String, long[]> prices) {
        BitSet feasible = feasible(need, byItem, byAmenity);
        List<long[]> itemPrices = new ArrayList<>();
        List<Integer> quantities = new ArrayList<>();
        for (var wanted : need.items().entrySet()) {
            itemPrices.add(prices.get(wanted.getKey()));
            quantities.add(wanted.getValue());
        }
        long best = Long.MAX_VALUE;
        for (int i = feasible.nextSetBit(0); i >= 0; i = feasible.nextSetBit(i + 1)) {
            long orderTotal = 0;
            for (int k = 0; k < itemPrices.size(); k++) {
                long line = Money.times(quantities.get(k), itemPrices.get(k)[i], OPTIMUM);
                orderTotal = Money.add(orderTotal, line, OPTIMUM);
            }
            best = Math.min(best, orderTotal);
        }
        return best;
    }

    private static BitSet intersect(BitSet sofar, BitSet next) {
        if (next == null) {
            return new BitSet();
        }
        if (sofar == null) {
            return (BitSet) next.clone();
        }
        sofar.and(next);
        return sofar;
    }
}

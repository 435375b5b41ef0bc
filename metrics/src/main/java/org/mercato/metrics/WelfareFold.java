package org.mercato.metrics;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mercato.metrics.PostedPrices.Need;
import org.mercato.sim.domain.Catalog;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.MagenticUtility;
import org.mercato.sim.domain.Money;
import org.mercato.sim.domain.MoneyOverflowException;
import org.mercato.sim.domain.OrderLine;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.ArrivalEvent;
import org.mercato.sim.events.CustomerEvent;
import org.mercato.sim.events.DeliveryEvent;
import org.mercato.sim.events.DoneEvent;
import org.mercato.sim.events.Event;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.PaymentEvent;
import org.mercato.sim.events.PeriodEvent;
import org.mercato.sim.events.ProposalEvent;
import org.mercato.sim.events.QualityEvent;
import org.mercato.sim.events.ReputationEvent;
import org.mercato.sim.events.RestockEvent;
import org.mercato.sim.events.ReviewEvent;
import org.mercato.sim.events.ServiceEvent;
import org.mercato.sim.protocol.Proposal;

/**
 * Magentic's welfare as a pure fold over the event stream. A customer's utility is
 * {@link Customer#fulfilledValue()} if some paid proposal covers every requested item from a
 * service with all required amenities (counted once), minus everything the customer paid. The
 * optimum is each customer's best single purchase at posted prices, or nothing when no purchase
 * has positive utility; it is found with one bit set per item and amenity over the services.
 * In a market with dynamics (its log has arrival, period, delivery, quality or review events) a
 * customer's utility is the sum over its visits and the optimum each visit's best purchase at true
 * quality ({@link VisitLedger}); without dynamics both are exactly the single round's.
 */
public final class WelfareFold implements EventSink {
    private static final String COST = "a service's unit costs";
    private static final String OPTIMUM = PostedPrices.OPTIMUM;
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
    private VisitLedger visits;

    @Override
    public void accept(LoggedEvent logged) {
        var event = logged.event();
        lastTime = Math.max(lastTime, logged.t());
        boolean catalogEvent = event instanceof CustomerEvent || event instanceof ServiceEvent;
        if (visits == null && isDynamic(event)) {
            visits = new VisitLedger(customers, services);
            optimum = null;
        }
        if (catalogEvent) {
            optimum = null;
        } else if (optimum == null && visits == null && !customers.isEmpty()) {
            // the log announces the catalog first: the optimum is computed while the market runs
            // (on the metrics actor's thread in a live run), not when the summary is asked for
            optimum = computeOptimum();
        }
        if (event instanceof DoneEvent done && customers.containsKey(done.agent())) {
            finishedAt.merge(done.agent(), logged.t(), Math::max);
            if (visits != null) {
                visits.done(customers.get(done.agent()), logged.t(), logged.seq());
            }
        } else if (event instanceof CustomerEvent c) {
            customers.put(c.customer().id(), c.customer());
        } else if (event instanceof ServiceEvent s) {
            services.put(s.service().id(), s.service());
        } else if (event instanceof ProposalEvent p) {
            proposals.put(p.proposal().id(), p.proposal());
        } else if (event instanceof PaymentEvent payment) {
            payment(logged, payment);
        } else if (visits != null) {
            dynamics(logged);
        }
    }

    /** Whether the event is one only a market with dynamics writes (its welfare then counts visits). */
    public static boolean isDynamic(Event event) {
        return event instanceof ArrivalEvent
                || event instanceof PeriodEvent
                || event instanceof DeliveryEvent
                || event instanceof QualityEvent
                || event instanceof ReviewEvent
                || event instanceof ReputationEvent
                || event instanceof RestockEvent;
    }

    private void dynamics(LoggedEvent logged) {
        var event = logged.event();
        if (event instanceof ArrivalEvent arrival) {
            visits.arrival(arrival.customer(), arrival.visit(), logged.t(), logged.seq());
        } else if (event instanceof DeliveryEvent delivery) {
            visits.delivery(delivery.proposal(), delivery.quality());
        } else if (event instanceof QualityEvent quality) {
            visits.quality(quality.service(), quality.quality());
        }
    }

    private void payment(LoggedEvent logged, PaymentEvent payment) {
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
        boolean fulfils = proposal != null
                && customer != null
                && seller != null
                && MagenticUtility.fulfils(customer, seller.amenities(), proposal.lines());
        if (fulfils) {
            fulfilled.put(customer.id(), true);
        }
        if (visits != null && customer != null) {
            visits.payment(customer, payment.proposal(), payment.amount(), fulfils, logged.t(), logged.seq());
        }
    }

    /**
     * Whether the log is of a market with dynamics (some arrival, period, delivery, quality, review,
     * reputation or restock event): then utilities and the optimum count visits.
     */
    public boolean dynamic() {
        return visits != null;
    }

    /**
     * Each visit's outcome in arrival order (empty without dynamics): the customer, the visit's
     * number, its arrival (time and log sequence), what it paid, whether an order fulfilled it and
     * at what delivered quality, its utility and its optimum (money in cents).
     */
    public List<VisitOutcome> visits() {
        if (visits == null) {
            return List.of();
        }
        List<VisitOutcome> out = new ArrayList<>(visits.visits().size());
        for (VisitLedger.Visit v : visits.visits()) {
            out.add(new VisitOutcome(
                    v.customer.id(),
                    v.number,
                    v.arrival,
                    v.arrivalSeq,
                    v.paid,
                    v.fulfilledBy != null,
                    v.quality(),
                    v.utility(),
                    v.optimum));
        }
        return out;
    }

    /** One visit's outcome; money in cents. */
    public record VisitOutcome(
            String customer,
            int visit,
            long arrival,
            long arrivalSeq,
            long paid,
            boolean fulfilled,
            double quality,
            long utility,
            long optimum) {}

    /** A service's true quality after the events so far (1 unless a {@code quality} event said otherwise). */
    public double quality(String serviceId) {
        return visits == null ? 1.0 : visits.quality(serviceId);
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

    /** The customer's utility; with dynamics, the sum over its visits ({@link VisitLedger}). */
    public long utility(String customerId) {
        if (visits != null) {
            long total = 0;
            for (VisitLedger.Visit visit : visits.visitsOf(customerId)) {
                total = Money.add(total, visit.utility(), "a customer's utility");
            }
            return total;
        }
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
        if (visits != null) {
            long total = 0;
            for (VisitLedger.Visit visit : visits.visitsOf(customerId)) {
                total = Money.add(total, visit.generalUtility(lastTime), "a customer's general utility");
            }
            return total;
        }
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
        if (visits != null) {
            return new Optimum(
                    visits.optimum(),
                    visits.capacities()
                            ? "best purchase per visit at true quality, capacities ignored: an upper bound"
                            : "best purchase per visit at true quality");
        }
        if (optimum == null) {
            optimum = computeOptimum();
        }
        return optimum;
    }

    private Optimum computeOptimum() {
        PostedPrices posted = new PostedPrices(new ArrayList<>(services.values()));
        if (posted.capacities()) {
            Optimum assigned = capacitated(posted);
            if (assigned != null) {
                return assigned;
            }
        }
        Map<Need, Long> cheapest = new HashMap<>();
        long total = 0;
        for (Customer customer : customers.values()) {
            Need need = Need.of(customer);
            long price = cheapest.computeIfAbsent(need, n -> posted.cheapest(n));
            if (price != Long.MAX_VALUE) {
                long gain = Money.subtract(customer.fulfilledValue(), price, OPTIMUM);
                total = Money.add(total, Math.max(0, gain), OPTIMUM);
            }
        }
        return new Optimum(
                total,
                posted.capacities()
                        ? "best purchase, capacities ignored (market too large): an upper bound"
                        : "best purchase");
    }

    private Optimum capacitated(PostedPrices posted) {
        List<List<CapacitatedAssignment.Option>> options = new ArrayList<>(customers.size());
        long count = 0;
        for (Customer customer : customers.values()) {
            BitSet feasible = posted.feasible(customer.items(), customer.requiredAmenities());
            List<CapacitatedAssignment.Option> mine = new ArrayList<>();
            PostedPrices.Order order = posted.order(customer.items());
            for (int i = feasible.nextSetBit(0); i >= 0; i = feasible.nextSetBit(i + 1)) {
                long utility = Money.subtract(customer.fulfilledValue(), order.totalAt(i), OPTIMUM);
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
        List<Service> sellers = posted.sellers();
        int[] capacity = new int[sellers.size()];
        for (int i = 0; i < capacity.length; i++) {
            capacity[i] = sellers.get(i).capacity();
        }
        return new Optimum(CapacitatedAssignment.solve(options, capacity), "assignment respecting capacities");
    }
}

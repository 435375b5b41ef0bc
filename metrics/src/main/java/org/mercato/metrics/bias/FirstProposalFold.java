package org.mercato.metrics.bias;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.MagenticUtility;
import org.mercato.sim.domain.Service;
import org.mercato.sim.events.CustomerEvent;
import org.mercato.sim.events.DoneEvent;
import org.mercato.sim.events.EventSink;
import org.mercato.sim.events.LoggedEvent;
import org.mercato.sim.events.PaymentEvent;
import org.mercato.sim.events.ProposalEvent;
import org.mercato.sim.events.RevealEvent;
import org.mercato.sim.events.ServiceEvent;
import org.mercato.sim.protocol.Proposal;

/**
 * First-proposal bias: does a customer pay the proposal that reached it first? A proposal's
 * arrival position is its place among the proposals delivered to its customer: the order of the
 * {@code reveal} events when the log has any (a reveal policy held proposals back), else the order
 * of the {@code proposal} events (immediate delivery), skipping proposals made after the customer
 * was done (they are never shown). A customer's decision is its first payment; its proposals are
 * those delivered before that payment (all delivered ones if it never paid).
 *
 * <p>The selection rate at position k is the number of customers whose first payment went to
 * their k-th proposal over the number of customers with at least k proposals, with a Wilson 95%
 * interval. Speed against value: among paying customers with at least two proposals, the share
 * that paid the first-arrived one and the share that paid a best-value one (the lowest total among
 * the proposals that fulfil the request, as in the welfare fold).
 */
public final class FirstProposalFold implements EventSink {
    private final Map<String, Customer> customers = new HashMap<>();
    private final Map<String, Service> services = new HashMap<>();
    private final Map<String, Proposal> proposals = new HashMap<>();
    private final Set<String> done = new HashSet<>();
    private final Map<String, List<String>> byProposalEvent = new LinkedHashMap<>();
    private final Map<String, List<String>> byReveal = new LinkedHashMap<>();
    /** The customer's first payment: the proposal id and how many proposals each order had delivered. */
    private final Map<String, Decision> decisions = new HashMap<>();

    private record Decision(String proposal, int deliveredByProposal, int deliveredByReveal) {}

    private boolean anyReveal;

    @Override
    public void accept(LoggedEvent logged) {
        var event = logged.event();
        if (event instanceof CustomerEvent c) {
            customers.put(c.customer().id(), c.customer());
        } else if (event instanceof ServiceEvent s) {
            services.put(s.service().id(), s.service());
        } else if (event instanceof ProposalEvent p) {
            Proposal proposal = p.proposal();
            proposals.put(proposal.id(), proposal);
            if (!done.contains(proposal.customer())) {
                byProposalEvent
                        .computeIfAbsent(proposal.customer(), k -> new ArrayList<>())
                        .add(proposal.id());
            }
        } else if (event instanceof RevealEvent r) {
            anyReveal = true;
            byReveal.computeIfAbsent(r.customer(), k -> new ArrayList<>()).add(r.proposal());
        } else if (event instanceof PaymentEvent payment && !decisions.containsKey(payment.customer())) {
            decisions.put(
                    payment.customer(),
                    new Decision(
                            payment.proposal(),
                            byProposalEvent
                                    .getOrDefault(payment.customer(), List.of())
                                    .size(),
                            byReveal.getOrDefault(payment.customer(), List.of()).size()));
        } else if (event instanceof DoneEvent d) {
            done.add(d.agent());
        }
    }

    /** The proposals delivered to this customer before its decision, in arrival order. */
    private List<String> delivered(String customer) {
        List<String> all = (anyReveal ? byReveal : byProposalEvent).getOrDefault(customer, List.of());
        Decision decision = decisions.get(customer);
        if (decision == null) {
            return all;
        }
        int upTo = anyReveal ? decision.deliveredByReveal() : decision.deliveredByProposal();
        return all.subList(0, upTo);
    }

    public FirstProposal result() {
        // counts only, so any fixed order will do: a sorted set of a million ids took seconds
        Set<String> customerIds = new LinkedHashSet<>(byProposalEvent.size() * 2);
        customerIds.addAll(byProposalEvent.keySet());
        customerIds.addAll(byReveal.keySet());
        customerIds.addAll(decisions.keySet());
        List<Long> withAtLeast = new ArrayList<>();
        List<Long> paidAt = new ArrayList<>();
        long paying = 0;
        long unmatched = 0;
        long twoOrMore = 0;
        long paidFirst = 0;
        long paidBestValue = 0;
        for (String customer : customerIds) {
            List<String> delivered = delivered(customer);
            for (int k = 1; k <= delivered.size(); k++) {
                grow(withAtLeast, k);
                withAtLeast.set(k - 1, withAtLeast.get(k - 1) + 1);
            }
            Decision decision = decisions.get(customer);
            if (decision == null) {
                continue;
            }
            paying++;
            int position = delivered.indexOf(decision.proposal()) + 1;
            if (position == 0) {
                unmatched++;
                continue;
            }
            grow(paidAt, position);
            paidAt.set(position - 1, paidAt.get(position - 1) + 1);
            if (delivered.size() >= 2) {
                twoOrMore++;
                if (position == 1) {
                    paidFirst++;
                }
                if (isBestValue(customer, decision.proposal(), delivered)) {
                    paidBestValue++;
                }
            }
        }
        List<Position> byPosition = new ArrayList<>();
        for (int k = 1; k <= withAtLeast.size(); k++) {
            long n = withAtLeast.get(k - 1);
            long paid = k <= paidAt.size() ? paidAt.get(k - 1) : 0;
            Wilson.Interval ci = Wilson.interval(paid, n);
            byPosition.add(new Position(
                    k, n, paid, Rounding.six(paid / (double) n), Rounding.six(ci.lower()), Rounding.six(ci.upper())));
        }
        return new FirstProposal(
                anyReveal ? "reveal" : "proposal",
                paying,
                unmatched,
                byPosition,
                new SpeedVsValue(
                        twoOrMore,
                        paidFirst,
                        Rounding.share(paidFirst, twoOrMore),
                        paidBestValue,
                        Rounding.share(paidBestValue, twoOrMore)));
    }

    private boolean isBestValue(String customerId, String paid, List<String> delivered) {
        Customer customer = customers.get(customerId);
        if (customer == null) {
            return false;
        }
        long best = Long.MAX_VALUE;
        boolean paidFulfils = false;
        for (String id : delivered) {
            Proposal proposal = proposals.get(id);
            Service seller = proposal == null ? null : services.get(proposal.service());
            if (seller != null && MagenticUtility.fulfils(customer, seller.amenities(), proposal.lines())) {
                best = Math.min(best, proposal.total());
                paidFulfils |= id.equals(paid);
            }
        }
        return paidFulfils && proposals.get(paid).total() == best;
    }

    private static void grow(List<Long> counts, int size) {
        while (counts.size() < size) {
            counts.add(0L);
        }
    }

    /**
     * {@code delivery}: which events gave the arrival order ({@code reveal} or {@code proposal});
     * {@code payingCustomers}; {@code unmatched}: paying customers whose paid proposal was not
     * among their delivered ones (left out of the rates); the rate by arrival position; speed
     * against value.
     */
    public record FirstProposal(
            String delivery,
            long payingCustomers,
            long unmatched,
            List<Position> byPosition,
            SpeedVsValue speedVsValue) {}

    /** Customers with at least {@code position} proposals, how many paid that one, the rate and its 95% interval. */
    public record Position(int position, long customers, long paid, double rate, double lower, double upper) {}

    /** Paying customers with two or more proposals; how many paid the first-arrived, how many a best-value one. */
    public record SpeedVsValue(
            long customers, long paidFirst, Double paidFirstShare, long paidBestValue, Double paidBestValueShare) {}
}

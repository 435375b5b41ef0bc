package org.mercato.examples.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mercato.agents.base.PolicyEntry;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.AssistantStarted;
import org.mercato.sim.protocol.Done;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.Message;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.protocol.Pay;
import org.mercato.sim.protocol.PaymentSettled;
import org.mercato.sim.protocol.Proposal;
import org.mercato.sim.protocol.ProposalReceived;
import org.mercato.sim.protocol.Rejected;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.protocol.SearchResults;
import org.mercato.sim.protocol.Wait;
import org.mercato.sim.protocol.WokenUp;

/**
 * A researcher's own shopper, written against the protocol only (docs/protocol.md): it searches,
 * asks the first {@code inquiries} results for a proposal, waits {@code patience}, then pays the
 * cheapest proposal within its budget, whatever it is worth to the customer. One instance per
 * customer; it keeps its state in fields, as a policy may. Anything else it is told (such as an
 * {@code OrderDelivered} of a market with deliveries) needs no action.
 */
public final class CheapestShopper implements AssistantPolicy {
    /** Its name in a scenario ({@code policy: cheapest-shopper}), its keys, and how they are read. */
    public static final PolicyEntry<AssistantPolicy> ENTRY =
            PolicyEntry.behavioural("cheapest-shopper", List.of("inquiries", "patience"), params -> {
                int inquiries = params.positiveInt("inquiries", 3);
                long patience = params.micros("patience", 10_000_000);
                return () -> new CheapestShopper(inquiries, patience);
            });

    private final int inquiries;
    private final long patience;
    private final List<Proposal> proposals = new ArrayList<>();
    private Customer customer;

    public CheapestShopper(int inquiries, long patience) {
        this.inquiries = inquiries;
        this.patience = patience;
    }

    @Override
    public List<AssistantAction> onObservation(Observation observation, AgentContext context) {
        if (observation instanceof AssistantStarted started) {
            // each visit of a returning customer starts afresh
            customer = started.customer();
            proposals.clear();
            return List.of(new Search(customer.request()));
        }
        if (observation instanceof SearchResults results) {
            return inquire(results.listings(), context.now());
        }
        if (observation instanceof ProposalReceived received) {
            proposals.add(received.proposal());
            return List.of();
        }
        if (observation instanceof WokenUp) {
            return proposals.stream()
                    .filter(proposal -> proposal.total() <= customer.budget())
                    .min(Comparator.comparingLong(Proposal::total))
                    .<List<AssistantAction>>map(cheapest -> List.of(new Pay(cheapest.id(), cheapest.total())))
                    .orElse(List.of(new Done("no-affordable-proposal")));
        }
        if (observation instanceof PaymentSettled) {
            return List.of(new Done("purchased"));
        }
        if (observation instanceof Rejected rejected && rejected.action().equals("pay")) {
            return List.of(new Done("payment-refused:" + rejected.reason().label()));
        }
        return List.of();
    }

    private List<AssistantAction> inquire(List<ListingView> listings, long now) {
        if (listings.isEmpty()) {
            return List.of(new Done("no-results"));
        }
        List<AssistantAction> actions = new ArrayList<>();
        for (ListingView listing : listings.subList(0, Math.min(inquiries, listings.size()))) {
            actions.add(Message.inquiry(listing.service(), "A proposal, please", customer.items()));
        }
        actions.add(new Wait(now + patience));
        return actions;
    }
}

package org.mercato.agents.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.domain.MagenticUtility;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.policy.AssistantPolicy;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.AssistantStarted;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.Message;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.protocol.PaymentSettled;
import org.mercato.sim.protocol.Proposal;
import org.mercato.sim.protocol.ProposalReceived;
import org.mercato.sim.protocol.Search;
import org.mercato.sim.protocol.SearchFilters;
import org.mercato.sim.protocol.SearchResults;
import org.mercato.sim.protocol.Wait;
import org.mercato.sim.protocol.WokenUp;

/**
 * The shared shopping script: search for the customer's request, ask the top {@code k} services on
 * the first results page (or on the first {@code pages} pages, when the first ones list fewer than
 * {@code k}) for a proposal, then let the subclass decide which proposal to pay. After
 * {@code patience} without a decision the assistant decides with what it has. After paying it
 * declines every other open proposal and finishes.
 */
abstract class InquiringAssistant implements AssistantPolicy {
    private final int inquiries;
    private final int pages;
    private final long patience;
    private Customer customer;
    private final Map<String, ListingView> asked = new TreeMap<>();
    private final Checkout checkout = new Checkout();
    private int answered;
    private boolean searching;
    private boolean waiting;

    InquiringAssistant(int inquiries, long patience) {
        this(inquiries, 1, patience);
    }

    InquiringAssistant(int inquiries, int pages, long patience) {
        this.inquiries = inquiries;
        this.pages = pages;
        this.patience = patience;
    }

    /** Called when a proposal arrives; return one to pay now, or null to keep waiting. */
    abstract Proposal onProposal(Proposal proposal);

    /** Called when every inquiry is answered or patience ran out; return one to pay, or null. */
    abstract Proposal choose(List<Proposal> candidates);

    /** Called for each listing the assistant asks for a proposal, in page order. */
    void onInquiry(ListingView listing, AgentContext context) {}

    protected Customer customer() {
        return customer;
    }

    /** Magentic utility of paying this proposal, using the amenities shown on the results page. */
    protected long utility(Proposal proposal) {
        ListingView listing = asked.get(proposal.service());
        if (listing == null) {
            return -proposal.total();
        }
        return MagenticUtility.of(customer, listing.amenities(), proposal.lines(), proposal.total());
    }

    protected boolean affordable(Proposal proposal) {
        return proposal.total() <= customer.budget();
    }

    @Override
    public final List<AssistantAction> onObservation(Observation observation, AgentContext context) {
        if (checkout.finished()) {
            return List.of();
        }
        if (observation instanceof AssistantStarted started) {
            customer = started.customer();
            return List.of(new Search(customer.request()));
        }
        if (observation instanceof SearchResults results) {
            // a later page that arrives once a payment is under way changes nothing
            return checkout.paying() ? List.of() : inquire(results, context);
        }
        if (observation instanceof ProposalReceived received) {
            checkout.received(received.proposal());
            answered++;
            if (checkout.paying()) {
                return List.of();
            }
            Proposal now = onProposal(received.proposal());
            return now != null ? checkout.pay(now) : decideIfAllAnswered();
        }
        if (observation instanceof MessageReceived) {
            answered++;
            return checkout.paying() ? List.of() : decideIfAllAnswered();
        }
        if (observation instanceof WokenUp) {
            return checkout.paying() ? List.of() : decide();
        }
        if (observation instanceof PaymentSettled settled) {
            return finish(settled.proposalId());
        }
        if (checkout.paymentRefused(observation)) {
            return decide();
        }
        return List.of();
    }

    private List<AssistantAction> inquire(SearchResults results, AgentContext context) {
        searching = false;
        List<AssistantAction> actions = new ArrayList<>();
        for (ListingView listing : results.listings()) {
            if (asked.size() == inquiries) {
                break;
            }
            if (asked.containsKey(listing.service())) {
                continue;
            }
            asked.put(listing.service(), listing);
            onInquiry(listing, context);
            actions.add(Message.inquiry(
                    listing.service(), "Please send me a proposal for " + customer.items(), customer.items()));
        }
        int next = results.page() + 1;
        if (asked.size() < inquiries && next < pages && next < results.totalPages()) {
            searching = true;
            actions.add(new Search(customer.request(), SearchFilters.NONE, next));
        }
        if (asked.isEmpty()) {
            if (searching) {
                return actions;
            }
            return checkout.end("no-results");
        }
        if (!waiting) {
            waiting = true;
            actions.add(new Wait(context.now() + patience));
        } else if (!checkout.paying()) {
            actions.addAll(decideIfAllAnswered());
        }
        return actions;
    }

    private List<AssistantAction> decideIfAllAnswered() {
        return !searching && answered >= asked.size() ? decide() : List.of();
    }

    private List<AssistantAction> decide() {
        List<Proposal> candidates = new ArrayList<>(checkout.open());
        Proposal best = candidates.isEmpty() ? null : choose(candidates);
        if (best != null) {
            return checkout.pay(best);
        }
        if (answered >= asked.size() || checkout.open().isEmpty()) {
            return giveUp();
        }
        return List.of();
    }

    private List<AssistantAction> giveUp() {
        return checkout.declineAndEnd(null, "no-acceptable-proposal");
    }

    private List<AssistantAction> finish(String paidId) {
        return checkout.declineAndEnd(paidId, "purchased");
    }
}

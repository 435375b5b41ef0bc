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
import org.mercato.sim.protocol.Decline;
import org.mercato.sim.protocol.Done;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.Message;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.protocol.Pay;
import org.mercato.sim.protocol.PaymentSettled;
import org.mercato.sim.protocol.Proposal;
import org.mercato.sim.protocol.ProposalReceived;
import org.mercato.sim.protocol.Rejected;
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
    private final List<Proposal> open = new ArrayList<>();
    private int answered;
    private boolean paying;
    private boolean finished;
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
        if (finished) {
            return List.of();
        }
        if (observation instanceof AssistantStarted started) {
            customer = started.customer();
            return List.of(new Search(customer.request()));
        }
        if (observation instanceof SearchResults results) {
            // a later page that arrives once a payment is under way changes nothing
            return paying ? List.of() : inquire(results, context);
        }
        if (observation instanceof ProposalReceived received) {
            open.add(received.proposal());
            answered++;
            if (paying) {
                return List.of();
            }
            Proposal now = onProposal(received.proposal());
            return now != null ? pay(now) : decideIfAllAnswered();
        }
        if (observation instanceof MessageReceived) {
            answered++;
            return paying ? List.of() : decideIfAllAnswered();
        }
        if (observation instanceof WokenUp) {
            return paying ? List.of() : decide();
        }
        if (observation instanceof PaymentSettled settled) {
            return finish(settled.proposalId());
        }
        if (observation instanceof Rejected rejected && rejected.action().equals("pay")) {
            paying = false;
            open.removeIf(p -> p.id().equals(rejected.ref()));
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
            finished = true;
            return List.of(new Done("no-results"));
        }
        if (!waiting) {
            waiting = true;
            actions.add(new Wait(context.now() + patience));
        } else if (!paying) {
            actions.addAll(decideIfAllAnswered());
        }
        return actions;
    }

    private List<AssistantAction> decideIfAllAnswered() {
        return !searching && answered >= asked.size() ? decide() : List.of();
    }

    private List<AssistantAction> decide() {
        List<Proposal> candidates = new ArrayList<>(open);
        Proposal best = candidates.isEmpty() ? null : choose(candidates);
        if (best != null) {
            return pay(best);
        }
        if (answered >= asked.size() || open.isEmpty()) {
            return giveUp();
        }
        return List.of();
    }

    private List<AssistantAction> pay(Proposal proposal) {
        paying = true;
        return List.of(new Pay(proposal.id(), proposal.total()));
    }

    private List<AssistantAction> giveUp() {
        finished = true;
        List<AssistantAction> actions = new ArrayList<>();
        for (Proposal proposal : open) {
            actions.add(new Decline(proposal.id()));
        }
        actions.add(new Done("no-acceptable-proposal"));
        return actions;
    }

    private List<AssistantAction> finish(String paidId) {
        finished = true;
        List<AssistantAction> actions = new ArrayList<>();
        for (Proposal proposal : open) {
            if (!proposal.id().equals(paidId)) {
                actions.add(new Decline(proposal.id()));
            }
        }
        actions.add(new Done("purchased"));
        return actions;
    }
}

package org.mercato.agents.assistant;

import java.util.ArrayList;
import java.util.Collections;
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
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.Message;
import org.mercato.sim.protocol.MessageReceived;
import org.mercato.sim.protocol.Observation;
import org.mercato.sim.protocol.OrderDelivered;
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
 *
 * <p>Each {@link AssistantStarted} (a returning customer gets one per visit) starts a fresh round.
 * With a {@link SellerMemory} that is on, a visit first asks the remembered seller it keeps (by id,
 * without searching; its listing as last seen judges the answer) and, when that seller sends no
 * proposal the subclass would pay within {@code patience}, or the payment is refused, declines what
 * it holds and shops as above without it; sellers the memory avoids are never asked.
 */
abstract class InquiringAssistant implements AssistantPolicy {
    private final int inquiries;
    private final int pages;
    private final long patience;
    private final SellerMemory memory;
    /** The listings asked on earlier visits (with memory on), to judge a remembered seller's answer. */
    private final Map<String, ListingView> seen;

    private Customer customer;
    private final Map<String, ListingView> asked = new TreeMap<>();
    private Checkout checkout = new Checkout();
    private int answered;
    private boolean searching;
    private boolean waiting;
    private long deadline;
    /** The remembered seller this visit asks first, while its answer is awaited; else null. */
    private String direct;
    /** The remembered seller this visit asked first in vain: the round that follows skips it. */
    private String passedOver;

    InquiringAssistant(int inquiries, long patience) {
        this(inquiries, 1, patience, SellerMemory.none());
    }

    InquiringAssistant(int inquiries, long patience, SellerMemory memory) {
        this(inquiries, 1, patience, memory);
    }

    InquiringAssistant(int inquiries, int pages, long patience, SellerMemory memory) {
        this.inquiries = inquiries;
        this.pages = pages;
        this.patience = patience;
        this.memory = memory;
        this.seen = memory.isOn() ? new TreeMap<>() : Collections.emptyNavigableMap();
    }

    /** Called when a proposal arrives; return one to pay now, or null to keep waiting. */
    abstract Proposal onProposal(Proposal proposal);

    /** Called when every inquiry is answered or patience ran out; return one to pay, or null. */
    abstract Proposal choose(List<Proposal> candidates);

    /** Called for each listing the assistant asks for a proposal from a results page, in page order. */
    void onInquiry(ListingView listing, AgentContext context) {}

    /** Called when a visit starts, before anything is asked: forget the last visit's round. */
    void onNewRound() {}

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
        if (observation instanceof OrderDelivered delivered) {
            memory.delivered(delivered.service(), delivered.quality());
            return List.of(); // delivered during or after a visit: nothing to do about it now
        }
        if (observation instanceof AssistantStarted started) {
            return start(started.customer(), context);
        }
        if (checkout.finished()) {
            return List.of();
        }
        if (direct != null) {
            return askingDirectly(observation);
        }
        if (observation instanceof SearchResults results) {
            // a later page that arrives once a payment is under way changes nothing
            return checkout.paying() ? List.of() : inquire(results, context);
        }
        if (observation instanceof ProposalReceived received) {
            if (received.proposal().service().equals(passedOver)) {
                return List.of(new Decline(received.proposal().id()));
            }
            checkout.received(received.proposal());
            answered++;
            if (checkout.paying()) {
                return List.of();
            }
            Proposal now = onProposal(received.proposal());
            return now != null ? checkout.pay(now) : decideIfAllAnswered();
        }
        if (observation instanceof MessageReceived message) {
            if (message.from().equals(passedOver)) {
                return List.of();
            }
            answered++;
            return checkout.paying() ? List.of() : decideIfAllAnswered();
        }
        if (observation instanceof WokenUp woken) {
            // a wake-up asked for before this round's wait (the remembered seller's) is stale
            return checkout.paying() || !waiting || woken.at() < deadline ? List.of() : decide();
        }
        if (observation instanceof PaymentSettled settled) {
            return finish(settled.proposalId());
        }
        if (checkout.paymentRefused(observation)) {
            return decide();
        }
        return List.of();
    }

    private List<AssistantAction> start(Customer customer, AgentContext context) {
        this.customer = customer;
        asked.clear();
        checkout = new Checkout();
        answered = 0;
        searching = false;
        waiting = false;
        direct = null;
        passedOver = null;
        onNewRound();
        String favourite = memory.favourite();
        ListingView listing = favourite == null ? null : seen.get(favourite);
        if (listing == null) {
            return List.of(new Search(customer.request()));
        }
        direct = favourite;
        asked.put(favourite, listing);
        deadline = context.now() + patience;
        return List.of(inquiry(favourite), new Wait(deadline));
    }

    /** The round with the remembered seller: pay its proposal if the subclass would, else search. */
    private List<AssistantAction> askingDirectly(Observation observation) {
        if (observation instanceof ProposalReceived received) {
            checkout.received(received.proposal());
            if (checkout.paying()) {
                return List.of();
            }
            Proposal pick = onProposal(received.proposal());
            if (pick == null) {
                pick = choose(new ArrayList<>(checkout.open()));
            }
            return pick != null ? checkout.pay(pick) : searchInstead();
        }
        if (observation instanceof PaymentSettled settled) {
            return finish(settled.proposalId());
        }
        if (checkout.paymentRefused(observation)) {
            return searchInstead();
        }
        boolean noAnswer = observation instanceof MessageReceived
                || observation instanceof WokenUp woken && woken.at() >= deadline;
        return noAnswer && !checkout.paying() ? searchInstead() : List.of();
    }

    private List<AssistantAction> searchInstead() {
        List<AssistantAction> actions = new ArrayList<>(checkout.declineAll());
        passedOver = direct;
        direct = null;
        asked.clear();
        answered = 0;
        actions.add(new Search(customer.request()));
        return actions;
    }

    private Message inquiry(String service) {
        return Message.inquiry(service, "Please send me a proposal for " + customer.items(), customer.items());
    }

    private boolean skips(String service) {
        return service.equals(passedOver) || memory.avoids(service);
    }

    private List<AssistantAction> inquire(SearchResults results, AgentContext context) {
        searching = false;
        List<AssistantAction> actions = new ArrayList<>();
        for (ListingView listing : results.listings()) {
            if (asked.size() == inquiries) {
                break;
            }
            if (asked.containsKey(listing.service()) || skips(listing.service())) {
                continue;
            }
            asked.put(listing.service(), listing);
            if (memory.isOn()) {
                seen.put(listing.service(), listing);
            }
            onInquiry(listing, context);
            actions.add(inquiry(listing.service()));
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
            return checkout.end(results.listings().isEmpty() ? "no-results" : "all-avoided");
        }
        if (!waiting) {
            waiting = true;
            deadline = context.now() + patience;
            actions.add(new Wait(deadline));
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

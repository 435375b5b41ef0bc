package org.mercato.agents.assistant;

import java.util.ArrayList;
import java.util.List;
import org.mercato.agents.base.CounterOffer;
import org.mercato.agents.base.PolicyEntry;
import org.mercato.sim.domain.Customer;
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
import org.mercato.sim.protocol.SearchResults;
import org.mercato.sim.protocol.Wait;
import org.mercato.sim.protocol.WokenUp;

/**
 * Haggles with the top service on the first results page. Its {@code target} and {@code
 * reservation} prices are fractions of the reference value of the requested items (the reservation
 * capped by the budget). It asks for a proposal; while a proposal's total exceeds its current
 * offer (the target to begin with) and rounds remain, it declines that proposal and sends a counter
 * offer as text, {@code offer: 12.50} with the items map. Offers rise in equal steps from the target
 * (round 1) to the reservation (round {@code rounds}). It pays a proposal at or below its current
 * offer; when the rounds are used up it pays if the total is at most the reservation and otherwise
 * declines and stops. A reply without a proposal, or {@code patience} without an answer, ends the
 * haggling. Sellers that understand offers: {@code negotiable}.
 *
 * <p>Each {@link AssistantStarted} (a returning customer gets one per visit) starts afresh. With a
 * {@link SellerMemory} that is on, a visit haggles first with the remembered seller it keeps (by
 * id, without searching); if that ends without a purchase, it declines what it holds and haggles
 * with the top listing of a search instead, leaving that seller out. Sellers the memory avoids are
 * passed over on the results page.
 */
public final class NegotiatorAssistant implements AssistantPolicy {
    /** How the registry knows this policy: its name, parameters and their parsing. */
    public static final PolicyEntry<AssistantPolicy> ENTRY = PolicyEntry.behavioural(
            "negotiator", List.of("target", "reservation", "rounds", "patience", SellerMemory.PARAM), params -> {
                double target = params.doubleAtLeast("target", 0.7, 0);
                double reservation = params.doubleAtLeast("reservation", 1.0, target);
                int rounds = params.positiveInt("rounds", 3);
                long patience = SharedParams.patience(params);
                SellerMemory.Rules memory = SellerMemory.Rules.from(params);
                return () -> new NegotiatorAssistant(target, reservation, rounds, patience, SellerMemory.of(memory));
            });

    private final double targetShare;
    private final double reservationShare;
    private final int rounds;
    private final long patience;
    private final SellerMemory memory;
    private Customer customer;
    private String seller;
    private long target;
    private long reservation;
    private long offer;
    private int round;
    private long deadline;
    private Checkout checkout = new Checkout();
    /** Whether {@link #seller} is the remembered seller, asked without a search. */
    private boolean direct;
    /** The remembered seller this visit haggled with in vain: the results page's pick skips it. */
    private String passedOver;

    public NegotiatorAssistant(double target, double reservation, int rounds, long patience) {
        this(target, reservation, rounds, patience, SellerMemory.none());
    }

    public NegotiatorAssistant(double target, double reservation, int rounds, long patience, SellerMemory memory) {
        this.targetShare = target;
        this.reservationShare = reservation;
        this.rounds = rounds;
        this.patience = patience;
        this.memory = memory;
    }

    @Override
    public List<AssistantAction> onObservation(Observation observation, AgentContext context) {
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
        if (observation instanceof SearchResults results && seller == null) {
            return haggleWithTop(results.listings(), context);
        }
        if (observation instanceof ProposalReceived received) {
            if (received.proposal().service().equals(passedOver)) {
                return List.of(new Decline(received.proposal().id()));
            }
            checkout.received(received.proposal());
            return checkout.paying() ? List.of() : consider(received.proposal(), context);
        }
        if (observation instanceof PaymentSettled) {
            return checkout.end("purchased");
        }
        if (observation instanceof MessageReceived message
                && !message.from().equals(passedOver)
                && !checkout.paying()) {
            return stop("no-proposal");
        }
        if (observation instanceof WokenUp woken && !checkout.paying() && woken.at() >= deadline) {
            return stop("no-proposal");
        }
        if (checkout.paymentRefused(observation)) {
            return stop("payment-rejected");
        }
        return List.of();
    }

    private List<AssistantAction> start(Customer customer, AgentContext context) {
        this.customer = customer;
        long value = customer.fulfilledValue() / 2;
        target = Math.round(value * targetShare);
        reservation = Math.min(customer.budget(), Math.round(value * reservationShare));
        checkout = new Checkout();
        passedOver = null;
        seller = memory.favourite();
        direct = seller != null;
        return direct ? firstAsk(context) : List.of(new Search(customer.request()));
    }

    private List<AssistantAction> haggleWithTop(List<ListingView> listings, AgentContext context) {
        for (ListingView listing : listings) {
            if (!listing.service().equals(passedOver) && !memory.avoids(listing.service())) {
                seller = listing.service();
                return firstAsk(context);
            }
        }
        return checkout.end(listings.isEmpty() ? "no-results" : "all-avoided");
    }

    private List<AssistantAction> firstAsk(AgentContext context) {
        offer = target;
        round = 0;
        return send("Please send me a proposal for " + customer.items(), context);
    }

    private List<AssistantAction> consider(Proposal proposal, AgentContext context) {
        if (proposal.total() <= offer && proposal.total() <= customer.budget()) {
            return checkout.pay(proposal);
        }
        if (round < rounds) {
            round++;
            offer = rounds == 1 ? target : target + (reservation - target) * (round - 1) / (rounds - 1);
            checkout.dropped(proposal);
            List<AssistantAction> actions = new ArrayList<>();
            actions.add(new Decline(proposal.id()));
            actions.addAll(send(CounterOffer.text(offer), context));
            return actions;
        }
        if (proposal.total() <= reservation) {
            return checkout.pay(proposal);
        }
        return stop("no-deal");
    }

    private List<AssistantAction> send(String text, AgentContext context) {
        deadline = context.now() + patience;
        return List.of(Message.inquiry(seller, text, customer.items()), new Wait(deadline));
    }

    /** Ends the visit for {@code reason}, or after a failed remembered seller, searches instead. */
    private List<AssistantAction> stop(String reason) {
        if (!direct) {
            return checkout.declineAndEnd(null, reason);
        }
        List<AssistantAction> actions = new ArrayList<>(checkout.declineAll());
        passedOver = seller;
        seller = null;
        direct = false;
        deadline = Long.MAX_VALUE; // until the next ask: the remembered seller's wake-up is stale
        actions.add(new Search(customer.request()));
        return actions;
    }
}
